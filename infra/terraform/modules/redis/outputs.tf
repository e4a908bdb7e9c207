output "url" {
  description = "REDIS_URL for the apps."
  value       = "redis://${kubernetes_service_v1.redis.metadata[0].name}.${var.namespace}.svc.cluster.local:6379"
}

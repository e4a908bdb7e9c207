# The operator creates a Service named after the cluster in front of the Router pods.
output "router_host" {
  description = "In-cluster host name of MySQL Router."
  value       = "${var.cluster_name}.${var.namespace}.svc.cluster.local"
}

output "rw_port" {
  description = "Router read-write port (the primary)."
  value       = 6446
}

output "ro_port" {
  description = "Router read-only port (the secondaries)."
  value       = 6447
}

output "database" {
  description = "Pluma's database name."
  value       = var.database
}

output "ready" {
  description = "Name of the Job that created the app user; depend on it before migrating."
  value       = kubernetes_job_v1.app_user.metadata[0].name
}

output "endpoint" {
  description = "S3_ENDPOINT for the apps."
  value       = "http://${helm_release.minio.name}.${var.namespace}.svc.cluster.local:9000"
}

output "bucket" {
  description = "S3_BUCKET for the apps."
  value       = var.bucket
}

output "service_name" {
  description = "Name of the app's Service (also its in-cluster DNS name within the namespace)."
  value       = kubernetes_service_v1.app.metadata[0].name
}

output "port" {
  description = "HTTP port of the Service."
  value       = var.port
}

output "metrics_port" {
  description = "Metrics port of the Service."
  value       = var.metrics_port
}

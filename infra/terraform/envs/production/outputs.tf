output "public_url" {
  description = "Where users reach Pluma."
  value       = module.ingress.url
}

output "database_router" {
  description = "MySQL Router inside the cluster (RW 6446, RO 6447)."
  value       = module.mysql.router_host
}

output "otlp_endpoint" {
  description = "Where the apps send traces."
  value       = module.observability.otlp_endpoint
}

output "grafana" {
  description = "How to open Grafana (the dashboards are in the Pluma folder)."
  value       = "kubectl -n ${var.observability_namespace} port-forward svc/kube-prometheus-stack-grafana 3300:80, then http://localhost:3300"
}

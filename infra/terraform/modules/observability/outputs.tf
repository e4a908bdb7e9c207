output "otlp_endpoint" {
  description = "OTEL_EXPORTER_OTLP_ENDPOINT for the apps (OTLP over HTTP)."
  value       = "http://otel-collector.${kubernetes_namespace_v1.observability.metadata[0].name}.svc.cluster.local:4318"
}

output "dashboards" {
  description = "Dashboard files loaded into Grafana."
  value       = sort(tolist(local.dashboards))
}

variable "namespace" {
  description = "Namespace of the observability stack."
  type        = string
  default     = "observability"
}

variable "app_namespace" {
  description = "Namespace of the Pluma apps (where the PrometheusRule lives next to their ServiceMonitors)."
  type        = string
}

variable "kube_prometheus_stack_version" {
  description = "Version of the kube-prometheus-stack Helm chart."
  type        = string
  default     = "70.4.2"
}

variable "otel_collector_chart_version" {
  description = "Version of the opentelemetry-collector Helm chart."
  type        = string
  default     = "0.120.0"
}

variable "otel_collector_image_tag" {
  description = "Tag of otel/opentelemetry-collector-contrib (the prometheus exporter is in contrib)."
  type        = string
  default     = "0.120.0"
}

variable "jaeger_image" {
  description = "Jaeger all-in-one image (traces, in memory; point the collector at Tempo for long retention)."
  type        = string
  default     = "jaegertracing/all-in-one:1.65.0"
}

variable "grafana_admin_password" {
  description = "Password of Grafana's admin user."
  type        = string
  sensitive   = true
}

variable "prometheus_retention" {
  description = "How long Prometheus keeps samples."
  type        = string
  default     = "15d"
}

variable "prometheus_storage_size" {
  description = "Prometheus volume size."
  type        = string
  default     = "50Gi"
}

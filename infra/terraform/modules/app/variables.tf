variable "name" {
  description = "App name (api, collab, workers, web); resources are named pluma-<name>."
  type        = string
}

variable "namespace" {
  description = "Kubernetes namespace."
  type        = string
}

variable "image" {
  description = "Container image built from infra/compose/Dockerfile."
  type        = string
}

variable "command" {
  description = "Container command, e.g. [\"node\", \"apps/api/src/main.ts\"]."
  type        = list(string)
}

variable "port" {
  description = "Port the app serves HTTP (and /healthz, /readyz) on."
  type        = number
}

variable "metrics_port" {
  description = "Port the app serves Prometheus /metrics on (never exposed through the Ingress)."
  type        = number
}

variable "env" {
  description = "Non-secret environment (stored in a ConfigMap)."
  type        = map(string)
  default     = {}
}

variable "secret_env" {
  description = "Secret environment: database URLs, JWT secret, S3 keys, SMTP URL (stored in a Secret)."
  type        = map(string)
  default     = {}
  sensitive   = true
}

variable "min_replicas" {
  description = "Fewest pods the HorizontalPodAutoscaler keeps."
  type        = number
  default     = 2
}

variable "max_replicas" {
  description = "Most pods the HorizontalPodAutoscaler starts."
  type        = number
  default     = 6
}

variable "target_cpu_utilization" {
  description = "Average CPU utilisation (percent of the request) the autoscaler aims for."
  type        = number
  default     = 70
}

variable "resources" {
  description = "Requests and limits of the app container."
  type = object({
    requests = object({ cpu = string, memory = string })
    limits   = object({ cpu = string, memory = string })
  })
  default = {
    requests = { cpu = "250m", memory = "256Mi" }
    limits   = { cpu = "1", memory = "512Mi" }
  }
}

variable "termination_grace_period_seconds" {
  description = "Time the app gets to drain on shutdown (collab unloads and compacts documents)."
  type        = number
  default     = 30
}

variable "service_monitor" {
  description = "Create a Prometheus Operator ServiceMonitor (needs the kube-prometheus-stack CRDs)."
  type        = bool
  default     = true
}

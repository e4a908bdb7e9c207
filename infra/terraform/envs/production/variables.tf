# --- Cluster ------------------------------------------------------------------------------
variable "kubeconfig_path" {
  description = "kubeconfig of the target cluster."
  type        = string
  default     = "~/.kube/config"
}

variable "kube_context" {
  description = "kubeconfig context; null uses the current one."
  type        = string
  default     = null
}

variable "namespace" {
  description = "Namespace of Pluma's apps, MySQL, Redis and MinIO."
  type        = string
  default     = "pluma"
}

variable "observability_namespace" {
  description = "Namespace of Prometheus, Grafana, Jaeger and the collector."
  type        = string
  default     = "observability"
}

# --- Public origin ------------------------------------------------------------------------
variable "host" {
  description = "Public host name, e.g. pluma.example.org; PUBLIC_URL is https://<host>."
  type        = string
}

variable "cluster_issuer" {
  description = "cert-manager ClusterIssuer for the TLS certificate; empty if the pluma-tls Secret is provided otherwise."
  type        = string
  default     = ""
}

variable "trusted_proxy_hops" {
  description = "Proxies that append to X-Forwarded-For before the api (ingress-nginx, plus a cloud load balancer if it adds one)."
  type        = number
  default     = 1
}

# --- Apps -----------------------------------------------------------------------------------
variable "image" {
  description = "Image built from infra/compose/Dockerfile and pushed to your registry, e.g. registry.example.org/pluma:1.4.0."
  type        = string
}

variable "replicas" {
  description = "Fewest and most pods per app (HorizontalPodAutoscaler bounds)."
  type        = map(object({ min = number, max = number }))
  default = {
    api     = { min = 2, max = 10 }
    collab  = { min = 2, max = 6 }
    workers = { min = 2, max = 8 }
    web     = { min = 2, max = 4 }
  }
}

variable "log_level" {
  description = "LOG_LEVEL of every app."
  type        = string
  default     = "info"
}

variable "mail_from" {
  description = "Sender of Pluma's e-mail (MAIL_FROM)."
  type        = string
  default     = "Pluma <no-reply@pluma.example.org>"
}

variable "workers_concurrency" {
  description = "Jobs processed at once per workers pod (WORKERS_CONCURRENCY)."
  type        = number
  default     = 4
}

# --- Secrets (only from a tfvars file kept out of git, or TF_VAR_* variables) ---------------
variable "mysql_root_password" {
  description = "Password of the InnoDB Cluster's administrative user."
  type        = string
  sensitive   = true
}

variable "mysql_app_user" {
  description = "MySQL user of the apps."
  type        = string
  default     = "pluma"
}

variable "mysql_app_password" {
  description = "Password of the apps' MySQL user."
  type        = string
  sensitive   = true
}

variable "s3_access_key" {
  description = "MinIO root user, used by the apps as S3_ACCESS_KEY."
  type        = string
  sensitive   = true
}

variable "s3_secret_key" {
  description = "MinIO root password, used by the apps as S3_SECRET_KEY."
  type        = string
  sensitive   = true
}

variable "jwt_secret" {
  description = "HMAC secret of access tokens (JWT_SECRET), shared by api and collab."
  type        = string
  sensitive   = true
  validation {
    condition     = length(var.jwt_secret) >= 32
    error_message = "jwt_secret must be at least 32 characters long."
  }
}

variable "smtp_url" {
  description = "SMTP server of the workers (SMTP_URL): smtp:// or smtps:// URL with the user and password in it."
  type        = string
  sensitive   = true
}

variable "grafana_admin_password" {
  description = "Password of Grafana's admin user."
  type        = string
  sensitive   = true
}

variable "namespace" {
  description = "Namespace of the apps' Services."
  type        = string
}

variable "host" {
  description = "Public host name of Pluma (TLS), e.g. pluma.example.org."
  type        = string
}

variable "tls_secret_name" {
  description = "Secret holding the TLS certificate for the host (created by cert-manager when cluster_issuer is set)."
  type        = string
  default     = "pluma-tls"
}

variable "cluster_issuer" {
  description = "cert-manager ClusterIssuer that issues the certificate; empty when the Secret is managed elsewhere."
  type        = string
  default     = ""
}

variable "ingress_class_name" {
  description = "IngressClass of the ingress-nginx controller."
  type        = string
  default     = "nginx"
}

variable "backends" {
  description = "Service name and port of each app that serves the public origin."
  type = object({
    api    = object({ service = string, port = number })
    collab = object({ service = string, port = number })
    web    = object({ service = string, port = number })
  })
}

variable "upload_max_size" {
  description = "Largest request body the Ingress lets through (CSV uploads), nginx syntax."
  type        = string
  default     = "1g"
}

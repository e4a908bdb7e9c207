variable "namespace" {
  description = "Namespace of Redis."
  type        = string
}

variable "name" {
  description = "Name of the StatefulSet and Service."
  type        = string
  default     = "pluma-redis"
}

variable "image" {
  description = "Redis image."
  type        = string
  default     = "redis:7.4-alpine"
}

variable "storage_size" {
  description = "Volume for the append-only file (queues survive a restart)."
  type        = string
  default     = "5Gi"
}

variable "namespace" {
  description = "Namespace of MinIO."
  type        = string
}

variable "chart_version" {
  description = "Version of the MinIO Helm chart."
  type        = string
  default     = "5.4.0"
}

variable "bucket" {
  description = "Bucket for avatars, covers, images and uploaded CSV files."
  type        = string
  default     = "pluma"
}

variable "root_user" {
  description = "MinIO root user; the apps use it as their S3 access key."
  type        = string
  sensitive   = true
}

variable "root_password" {
  description = "MinIO root password; the apps use it as their S3 secret key."
  type        = string
  sensitive   = true
}

variable "storage_size" {
  description = "Size of each MinIO volume."
  type        = string
  default     = "50Gi"
}

variable "replicas" {
  description = "MinIO servers (distributed mode from 4)."
  type        = number
  default     = 4
}

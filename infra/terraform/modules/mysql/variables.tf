variable "namespace" {
  description = "Namespace of the InnoDB Cluster."
  type        = string
}

variable "cluster_name" {
  description = "Name of the InnoDBCluster; also the name of the Router Service the apps connect to."
  type        = string
  default     = "pluma-mysql"
}

variable "operator_namespace" {
  description = "Namespace the MySQL Operator runs in."
  type        = string
  default     = "mysql-operator"
}

variable "operator_chart_version" {
  description = "Version of the mysql-operator Helm chart."
  type        = string
  default     = "2.2.3"
}

variable "mysql_version" {
  description = "MySQL server version of the instances."
  type        = string
  default     = "8.4.4"
}

variable "instances" {
  description = "MySQL instances in the group (3 tolerates the loss of one)."
  type        = number
  default     = 3
}

variable "router_instances" {
  description = "MySQL Router pods."
  type        = number
  default     = 2
}

variable "storage_size" {
  description = "Data volume of each instance."
  type        = string
  default     = "20Gi"
}

variable "root_user" {
  description = "Administrative MySQL user the operator creates."
  type        = string
  default     = "root"
}

variable "root_password" {
  description = "Password of the administrative MySQL user."
  type        = string
  sensitive   = true
}

variable "database" {
  description = "Pluma's database."
  type        = string
  default     = "pluma"
}

variable "app_user" {
  description = "MySQL user the apps connect as (all privileges on the Pluma database only)."
  type        = string
  default     = "pluma"
}

variable "app_password" {
  description = "Password of the apps' MySQL user."
  type        = string
  sensitive   = true
}

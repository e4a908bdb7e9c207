# MinIO (official chart) with Pluma's bucket created by the chart's post-install job.
resource "helm_release" "minio" {
  name       = "pluma-minio"
  repository = "https://charts.min.io/"
  chart      = "minio"
  version    = var.chart_version
  namespace  = var.namespace

  values = [yamlencode({
    mode     = var.replicas >= 4 ? "distributed" : "standalone"
    replicas = var.replicas
    persistence = {
      size = var.storage_size
    }
    resources = {
      requests = { memory = "1Gi" }
    }
    buckets = [{ name = var.bucket, policy = "none", purge = false }]
  })]

  set_sensitive = [
    { name = "rootUser", value = var.root_user },
    { name = "rootPassword", value = var.root_password },
  ]
}

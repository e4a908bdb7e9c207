# Pluma in production on Kubernetes. Apply order (CRDs must exist before the objects that use
# them; see README "Operating Pluma"):
#   terraform apply -target=module.mysql.helm_release.operator -target=module.observability.helm_release.kube_prometheus_stack
#   terraform apply
locals {
  public_url = "https://${var.host}"

  # HTTP and metrics ports of the apps: the defaults of their config schemas (packages/config)
  # and the metrics ports of observability/metrics.md.
  ports         = { api = 3001, collab = 3002, workers = 3003, web = 3000 }
  metrics_ports = { api = 9464, collab = 9465, workers = 9466, web = 9467 }

  # Writes through the Router's RW port, reads through its RO port (MikroORM read replicas).
  database_url      = "mysql://${var.mysql_app_user}:${urlencode(var.mysql_app_password)}@${module.mysql.router_host}:${module.mysql.rw_port}/${module.mysql.database}"
  database_read_url = "mysql://${var.mysql_app_user}:${urlencode(var.mysql_app_password)}@${module.mysql.router_host}:${module.mysql.ro_port}/${module.mysql.database}"
}

resource "kubernetes_namespace_v1" "pluma" {
  metadata {
    name = var.namespace
  }
}

module "mysql" {
  source        = "../../modules/mysql"
  namespace     = kubernetes_namespace_v1.pluma.metadata[0].name
  root_password = var.mysql_root_password
  app_user      = var.mysql_app_user
  app_password  = var.mysql_app_password
}

module "redis" {
  source    = "../../modules/redis"
  namespace = kubernetes_namespace_v1.pluma.metadata[0].name
}

module "minio" {
  source        = "../../modules/minio"
  namespace     = kubernetes_namespace_v1.pluma.metadata[0].name
  root_user     = var.s3_access_key
  root_password = var.s3_secret_key
}

module "observability" {
  source                 = "../../modules/observability"
  namespace              = var.observability_namespace
  app_namespace          = kubernetes_namespace_v1.pluma.metadata[0].name
  grafana_admin_password = var.grafana_admin_password
}

# Migrations run once per image, before any app starts (the apps run with MIGRATE_ON_START=false).
resource "kubernetes_secret_v1" "migrate" {
  metadata {
    name      = "pluma-migrate-env"
    namespace = kubernetes_namespace_v1.pluma.metadata[0].name
  }
  data = {
    DATABASE_URL = local.database_url
  }
}

resource "kubernetes_job_v1" "migrate" {
  metadata {
    name      = "pluma-migrate-${substr(sha1(var.image), 0, 10)}"
    namespace = kubernetes_namespace_v1.pluma.metadata[0].name
  }
  spec {
    backoff_limit = 5
    template {
      metadata {}
      spec {
        restart_policy = "OnFailure"
        container {
          name    = "migrate"
          image   = var.image
          command = ["node", "packages/db/src/cli/migrate.ts"]
          env_from {
            secret_ref {
              name = kubernetes_secret_v1.migrate.metadata[0].name
            }
          }
        }
      }
    }
  }
  wait_for_completion = true
  timeouts {
    create = "15m"
  }
  depends_on = [module.mysql]
}

module "api" {
  source       = "../../modules/app"
  name         = "api"
  namespace    = kubernetes_namespace_v1.pluma.metadata[0].name
  image        = var.image
  command      = ["node", "apps/api/src/main.ts"]
  port         = local.ports.api
  metrics_port = local.metrics_ports.api
  min_replicas = var.replicas.api.min
  max_replicas = var.replicas.api.max
  env = {
    LOG_LEVEL                   = var.log_level
    OTEL_EXPORTER_OTLP_ENDPOINT = module.observability.otlp_endpoint
    API_HOST                    = "0.0.0.0"
    API_PORT                    = tostring(local.ports.api)
    METRICS_PORT                = tostring(local.metrics_ports.api)
    PUBLIC_URL                  = local.public_url
    TRUSTED_PROXY_HOPS          = tostring(var.trusted_proxy_hops)
    MIGRATE_ON_START            = "false"
    REDIS_URL                   = module.redis.url
    S3_ENDPOINT                 = module.minio.endpoint
    S3_BUCKET                   = module.minio.bucket
  }
  secret_env = {
    DATABASE_URL      = local.database_url
    DATABASE_READ_URL = local.database_read_url
    S3_ACCESS_KEY     = var.s3_access_key
    S3_SECRET_KEY     = var.s3_secret_key
    JWT_SECRET        = var.jwt_secret
  }
  depends_on = [kubernetes_job_v1.migrate]
}

module "collab" {
  source       = "../../modules/app"
  name         = "collab"
  namespace    = kubernetes_namespace_v1.pluma.metadata[0].name
  image        = var.image
  command      = ["node", "apps/collab/src/main.ts"]
  port         = local.ports.collab
  metrics_port = local.metrics_ports.collab
  min_replicas = var.replicas.collab.min
  max_replicas = var.replicas.collab.max
  # Closing sockets, unloading and compacting every open document takes up to 20 s.
  termination_grace_period_seconds = 45
  resources = {
    requests = { cpu = "500m", memory = "512Mi" }
    limits   = { cpu = "2", memory = "1Gi" }
  }
  env = {
    LOG_LEVEL                   = var.log_level
    OTEL_EXPORTER_OTLP_ENDPOINT = module.observability.otlp_endpoint
    COLLAB_HOST                 = "0.0.0.0"
    COLLAB_PORT                 = tostring(local.ports.collab)
    METRICS_PORT                = tostring(local.metrics_ports.collab)
    MIGRATE_ON_START            = "false"
    REDIS_URL                   = module.redis.url
  }
  secret_env = {
    DATABASE_URL      = local.database_url
    DATABASE_READ_URL = local.database_read_url
    JWT_SECRET        = var.jwt_secret
  }
  depends_on = [kubernetes_job_v1.migrate]
}

module "workers" {
  source       = "../../modules/app"
  name         = "workers"
  namespace    = kubernetes_namespace_v1.pluma.metadata[0].name
  image        = var.image
  command      = ["node", "apps/workers/src/main.ts"]
  port         = local.ports.workers
  metrics_port = local.metrics_ports.workers
  min_replicas = var.replicas.workers.min
  max_replicas = var.replicas.workers.max
  resources = {
    requests = { cpu = "500m", memory = "512Mi" }
    limits   = { cpu = "2", memory = "1Gi" }
  }
  env = {
    LOG_LEVEL                   = var.log_level
    OTEL_EXPORTER_OTLP_ENDPOINT = module.observability.otlp_endpoint
    WORKERS_HOST                = "0.0.0.0"
    WORKERS_PORT                = tostring(local.ports.workers)
    METRICS_PORT                = tostring(local.metrics_ports.workers)
    WORKERS_CONCURRENCY         = tostring(var.workers_concurrency)
    PUBLIC_URL                  = local.public_url
    MAIL_FROM                   = var.mail_from
    MIGRATE_ON_START            = "false"
    REDIS_URL                   = module.redis.url
    S3_ENDPOINT                 = module.minio.endpoint
    S3_BUCKET                   = module.minio.bucket
  }
  secret_env = {
    DATABASE_URL      = local.database_url
    DATABASE_READ_URL = local.database_read_url
    S3_ACCESS_KEY     = var.s3_access_key
    S3_SECRET_KEY     = var.s3_secret_key
    SMTP_URL          = var.smtp_url
  }
  depends_on = [kubernetes_job_v1.migrate]
}

module "web" {
  source       = "../../modules/app"
  name         = "web"
  namespace    = kubernetes_namespace_v1.pluma.metadata[0].name
  image        = var.image
  command      = ["node", "apps/web/src/main.ts"]
  port         = local.ports.web
  metrics_port = local.metrics_ports.web
  min_replicas = var.replicas.web.min
  max_replicas = var.replicas.web.max
  resources = {
    requests = { cpu = "100m", memory = "128Mi" }
    limits   = { cpu = "500m", memory = "256Mi" }
  }
  env = {
    LOG_LEVEL                   = var.log_level
    OTEL_EXPORTER_OTLP_ENDPOINT = module.observability.otlp_endpoint
    WEB_HOST                    = "0.0.0.0"
    WEB_PORT                    = tostring(local.ports.web)
    METRICS_PORT                = tostring(local.metrics_ports.web)
  }
}

module "ingress" {
  source         = "../../modules/ingress"
  namespace      = kubernetes_namespace_v1.pluma.metadata[0].name
  host           = var.host
  cluster_issuer = var.cluster_issuer
  backends = {
    api    = { service = module.api.service_name, port = module.api.port }
    collab = { service = module.collab.service_name, port = module.collab.port }
    web    = { service = module.web.service_name, port = module.web.port }
  }
}

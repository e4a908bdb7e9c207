# One Redis with an append-only file: BullMQ queues, sessions, rate limits, socket.io and
# Hocuspocus pub/sub. (A managed Redis can replace it: point REDIS_URL elsewhere.)
locals {
  labels = {
    "app.kubernetes.io/name"    = var.name
    "app.kubernetes.io/part-of" = "pluma"
  }
}

resource "kubernetes_stateful_set_v1" "redis" {
  metadata {
    name      = var.name
    namespace = var.namespace
    labels    = local.labels
  }
  spec {
    service_name = var.name
    replicas     = 1
    selector {
      match_labels = local.labels
    }
    template {
      metadata {
        labels = local.labels
      }
      spec {
        container {
          name  = "redis"
          image = var.image
          # BullMQ needs keys never evicted.
          args = ["--appendonly", "yes", "--maxmemory-policy", "noeviction"]
          port {
            name           = "redis"
            container_port = 6379
          }
          readiness_probe {
            exec {
              command = ["redis-cli", "ping"]
            }
            period_seconds = 5
          }
          liveness_probe {
            tcp_socket {
              port = "redis"
            }
            period_seconds = 10
          }
          resources {
            requests = { cpu = "100m", memory = "256Mi" }
            limits   = { memory = "1Gi" }
          }
          volume_mount {
            name       = "data"
            mount_path = "/data"
          }
        }
      }
    }
    volume_claim_template {
      metadata {
        name = "data"
      }
      spec {
        access_modes = ["ReadWriteOnce"]
        resources {
          requests = { storage = var.storage_size }
        }
      }
    }
  }
}

resource "kubernetes_service_v1" "redis" {
  metadata {
    name      = var.name
    namespace = var.namespace
    labels    = local.labels
  }
  spec {
    selector = local.labels
    port {
      name        = "redis"
      port        = 6379
      target_port = 6379
    }
  }
}

# Pluma's public origin: the same split as the `npm start` gateway and the compose nginx.
#   /v1, /socket.io -> api     /collab -> collab (WebSocket)     / -> web
# Two Ingress objects for one host, because ingress-nginx annotations apply per object: the
# long-lived WebSocket routes get hour-long proxy timeouts, the rest keeps the defaults.
locals {
  routes = {
    http = [
      { path = "/v1", backend = "api" },
      { path = "/", backend = "web" },
    ]
    realtime = [
      { path = "/socket.io", backend = "api" },
      { path = "/collab", backend = "collab" },
    ]
  }

  common_annotations = merge(
    {
      "nginx.ingress.kubernetes.io/proxy-body-size"         = var.upload_max_size
      "nginx.ingress.kubernetes.io/proxy-request-buffering" = "off"
    },
    var.cluster_issuer == "" ? {} : { "cert-manager.io/cluster-issuer" = var.cluster_issuer },
  )

  # WebSocket upgrade is on by default in ingress-nginx; idle editors must not be cut off.
  websocket_annotations = {
    "nginx.ingress.kubernetes.io/proxy-http-version" = "1.1"
    "nginx.ingress.kubernetes.io/proxy-read-timeout" = "3600"
    "nginx.ingress.kubernetes.io/proxy-send-timeout" = "3600"
    # socket.io long-polling falls back to plain HTTP requests; keep a client on one api pod.
    "nginx.ingress.kubernetes.io/affinity"            = "cookie"
    "nginx.ingress.kubernetes.io/session-cookie-name" = "pluma-route"
  }

  annotations = {
    http     = local.common_annotations
    realtime = merge(local.common_annotations, local.websocket_annotations)
  }
}

resource "kubernetes_ingress_v1" "pluma" {
  for_each = local.routes

  metadata {
    name        = "pluma-${each.key}"
    namespace   = var.namespace
    annotations = local.annotations[each.key]
  }

  spec {
    ingress_class_name = var.ingress_class_name

    tls {
      hosts       = [var.host]
      secret_name = var.tls_secret_name
    }

    rule {
      host = var.host
      http {
        dynamic "path" {
          for_each = each.value
          content {
            path      = path.value.path
            path_type = "Prefix"
            backend {
              service {
                name = var.backends[path.value.backend].service
                port {
                  number = var.backends[path.value.backend].port
                }
              }
            }
          }
        }
      }
    }
  }
}

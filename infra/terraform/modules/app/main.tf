# One Pluma app: Deployment (probes on /healthz and /readyz), Service, autoscaler, disruption
# budget and the Prometheus scrape of its metrics port. Instantiated once per app.
locals {
  full_name = "pluma-${var.name}"
  # The Prometheus job name the dashboards and alerts select on (observability/metrics.md).
  job = "pluma-${var.name}"
  labels = {
    "app.kubernetes.io/name"    = local.full_name
    "app.kubernetes.io/part-of" = "pluma"
  }
}

resource "kubernetes_config_map_v1" "env" {
  metadata {
    name      = "${local.full_name}-env"
    namespace = var.namespace
    labels    = local.labels
  }
  data = var.env
}

resource "kubernetes_secret_v1" "env" {
  metadata {
    name      = "${local.full_name}-env"
    namespace = var.namespace
    labels    = local.labels
  }
  data = var.secret_env
}

resource "kubernetes_deployment_v1" "app" {
  metadata {
    name      = local.full_name
    namespace = var.namespace
    labels    = local.labels
  }

  spec {
    # The HorizontalPodAutoscaler owns the replica count after creation.
    replicas = var.min_replicas
    selector {
      match_labels = local.labels
    }

    strategy {
      type = "RollingUpdate"
      rolling_update {
        max_unavailable = "0"
        max_surge       = "25%"
      }
    }

    template {
      metadata {
        labels = local.labels
        annotations = {
          # For a Prometheus that discovers pods by annotation (kube-prometheus-stack uses the
          # ServiceMonitor below instead).
          "prometheus.io/scrape" = "true"
          "prometheus.io/port"   = tostring(var.metrics_port)
          "prometheus.io/path"   = "/metrics"
          # Roll the pods when the configuration changes.
          "checksum/env" = sha256(jsonencode(var.env))
        }
      }

      spec {
        termination_grace_period_seconds = var.termination_grace_period_seconds

        security_context {
          run_as_non_root = true
          run_as_user     = 1000
          fs_group        = 1000
        }

        container {
          name    = var.name
          image   = var.image
          command = var.command

          port {
            name           = "http"
            container_port = var.port
          }
          port {
            name           = "metrics"
            container_port = var.metrics_port
          }

          env_from {
            config_map_ref {
              name = kubernetes_config_map_v1.env.metadata[0].name
            }
          }
          env_from {
            secret_ref {
              name = kubernetes_secret_v1.env.metadata[0].name
            }
          }
          env {
            name = "OTEL_SERVICE_INSTANCE_ID"
            value_from {
              field_ref {
                field_path = "metadata.name"
              }
            }
          }

          resources {
            requests = var.resources.requests
            limits   = var.resources.limits
          }

          # /healthz: the process answers. A failing liveness probe restarts the container.
          liveness_probe {
            http_get {
              path = "/healthz"
              port = var.port
            }
            initial_delay_seconds = 10
            period_seconds        = 10
            timeout_seconds       = 3
            failure_threshold     = 3
          }

          # /readyz: MySQL, Redis and S3 answer. A failing readiness probe takes the pod out of
          # the Service without restarting it.
          readiness_probe {
            http_get {
              path = "/readyz"
              port = var.port
            }
            initial_delay_seconds = 5
            period_seconds        = 5
            timeout_seconds       = 3
            failure_threshold     = 3
          }

          security_context {
            allow_privilege_escalation = false
            read_only_root_filesystem  = false
          }
        }
      }
    }
  }

  lifecycle {
    ignore_changes = [spec[0].replicas]
  }
}

resource "kubernetes_service_v1" "app" {
  metadata {
    name      = local.full_name
    namespace = var.namespace
    labels    = merge(local.labels, { "prometheus-job" = local.job })
  }
  spec {
    selector = local.labels
    port {
      name        = "http"
      port        = var.port
      target_port = var.port
    }
    port {
      name        = "metrics"
      port        = var.metrics_port
      target_port = var.metrics_port
    }
  }
}

resource "kubernetes_horizontal_pod_autoscaler_v2" "app" {
  metadata {
    name      = local.full_name
    namespace = var.namespace
    labels    = local.labels
  }
  spec {
    min_replicas = var.min_replicas
    max_replicas = var.max_replicas
    scale_target_ref {
      api_version = "apps/v1"
      kind        = "Deployment"
      name        = kubernetes_deployment_v1.app.metadata[0].name
    }
    metric {
      type = "Resource"
      resource {
        name = "cpu"
        target {
          type                = "Utilization"
          average_utilization = var.target_cpu_utilization
        }
      }
    }
  }
}

resource "kubernetes_pod_disruption_budget_v1" "app" {
  metadata {
    name      = local.full_name
    namespace = var.namespace
    labels    = local.labels
  }
  spec {
    # A node drain never takes the last serving pod of an app.
    max_unavailable = "1"
    selector {
      match_labels = local.labels
    }
  }
}

resource "kubernetes_manifest" "service_monitor" {
  count = var.service_monitor ? 1 : 0
  manifest = {
    apiVersion = "monitoring.coreos.com/v1"
    kind       = "ServiceMonitor"
    metadata = {
      name      = local.full_name
      namespace = var.namespace
      labels    = merge(local.labels, { release = "kube-prometheus-stack" })
    }
    spec = {
      # The job label comes from the Service's "prometheus-job" label: pluma-api and so on.
      jobLabel  = "prometheus-job"
      selector  = { matchLabels = local.labels }
      endpoints = [{ port = "metrics", path = "/metrics", interval = "15s" }]
    }
  }
}

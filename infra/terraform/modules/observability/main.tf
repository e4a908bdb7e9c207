# Observability stack: kube-prometheus-stack (Prometheus, Alertmanager, Grafana) loaded with
# Pluma's alert rules and dashboards from observability/, Jaeger for traces, and the
# OpenTelemetry Collector with the same configuration as the compose stack.
locals {
  observability_dir = "${path.module}/../../../../observability"
  rules_file        = "${local.observability_dir}/prometheus/rules/pluma-alerts.yml"
  dashboards_dir    = "${local.observability_dir}/grafana/dashboards"
  collector_file    = "${local.observability_dir}/otel-collector/config.yaml"
  dashboards        = fileset(local.dashboards_dir, "*.json")

  # The compose configuration, less its own-metrics section: the chart configures that per pod.
  collector_config = yamldecode(file(local.collector_file))
  collector_config_in_cluster = merge(local.collector_config, {
    service = { for key, value in local.collector_config.service : key => value if key != "telemetry" }
  })
}

resource "kubernetes_namespace_v1" "observability" {
  metadata {
    name = var.namespace
  }
}

resource "helm_release" "kube_prometheus_stack" {
  name       = "kube-prometheus-stack"
  repository = "https://prometheus-community.github.io/helm-charts"
  chart      = "kube-prometheus-stack"
  version    = var.kube_prometheus_stack_version
  namespace  = kubernetes_namespace_v1.observability.metadata[0].name

  values = [yamlencode({
    prometheus = {
      prometheusSpec = {
        # Pick up every ServiceMonitor and PrometheusRule, not only those labelled for this release.
        serviceMonitorSelectorNilUsesHelmValues = false
        ruleSelectorNilUsesHelmValues           = false
        retention                               = var.prometheus_retention
        storageSpec = {
          volumeClaimTemplate = {
            spec = {
              accessModes = ["ReadWriteOnce"]
              resources   = { requests = { storage = var.prometheus_storage_size } }
            }
          }
        }
      }
    }
    grafana = {
      sidecar = {
        datasources = { uid = "prometheus" }
        dashboards = {
          enabled          = true
          label            = "grafana_dashboard"
          labelValue       = "1"
          searchNamespace  = "ALL"
          folderAnnotation = "grafana_folder"
          provider         = { foldersFromFilesStructure = true }
        }
      }
      # The chart's own Prometheus datasource gets the uid the dashboards use
      # (observability/grafana/provisioning/datasources); Jaeger is added beside it.
      additionalDataSources = [
        {
          name   = "Jaeger"
          uid    = "jaeger"
          type   = "jaeger"
          url    = "http://jaeger.${var.namespace}.svc.cluster.local:16686"
          access = "proxy"
        },
      ]
    }
  })]

  set_sensitive = [
    { name = "grafana.adminPassword", value = var.grafana_admin_password },
  ]
}

# The alert rules exactly as promtool checks them in the repository.
resource "kubernetes_manifest" "alert_rules" {
  manifest = {
    apiVersion = "monitoring.coreos.com/v1"
    kind       = "PrometheusRule"
    metadata = {
      name      = "pluma-alerts"
      namespace = var.app_namespace
      labels    = { "app.kubernetes.io/part-of" = "pluma" }
    }
    spec = {
      groups = yamldecode(file(local.rules_file)).groups
    }
  }
  depends_on = [helm_release.kube_prometheus_stack]
}

# One ConfigMap per dashboard; Grafana's sidecar loads every ConfigMap labelled grafana_dashboard=1.
resource "kubernetes_config_map_v1" "dashboard" {
  for_each = local.dashboards

  metadata {
    name      = "pluma-dashboard-${trimsuffix(each.value, ".json")}"
    namespace = kubernetes_namespace_v1.observability.metadata[0].name
    labels    = { grafana_dashboard = "1" }
    annotations = {
      grafana_folder = "Pluma"
    }
  }
  data = {
    (each.value) = file("${local.dashboards_dir}/${each.value}")
  }
}

resource "kubernetes_deployment_v1" "jaeger" {
  metadata {
    name      = "jaeger"
    namespace = kubernetes_namespace_v1.observability.metadata[0].name
    labels    = { "app.kubernetes.io/name" = "jaeger" }
  }
  spec {
    replicas = 1
    selector {
      match_labels = { "app.kubernetes.io/name" = "jaeger" }
    }
    template {
      metadata {
        labels = { "app.kubernetes.io/name" = "jaeger" }
      }
      spec {
        container {
          name  = "jaeger"
          image = var.jaeger_image
          env {
            name  = "COLLECTOR_OTLP_ENABLED"
            value = "true"
          }
          port {
            name           = "ui"
            container_port = 16686
          }
          port {
            name           = "otlp-grpc"
            container_port = 4317
          }
          resources {
            requests = { cpu = "100m", memory = "512Mi" }
            limits   = { memory = "2Gi" }
          }
        }
      }
    }
  }
}

resource "kubernetes_service_v1" "jaeger" {
  metadata {
    name      = "jaeger"
    namespace = kubernetes_namespace_v1.observability.metadata[0].name
  }
  spec {
    selector = { "app.kubernetes.io/name" = "jaeger" }
    port {
      name        = "ui"
      port        = 16686
      target_port = 16686
    }
    port {
      name        = "otlp-grpc"
      port        = 4317
      target_port = 4317
    }
  }
}

# The collector runs the repository's configuration (merged over the chart's defaults): its Jaeger
# exporter reaches the "jaeger" Service above in the same namespace.
resource "helm_release" "otel_collector" {
  name       = "otel-collector"
  repository = "https://open-telemetry.github.io/opentelemetry-helm-charts"
  chart      = "opentelemetry-collector"
  version    = var.otel_collector_chart_version
  namespace  = kubernetes_namespace_v1.observability.metadata[0].name

  values = [yamlencode({
    mode             = "deployment"
    fullnameOverride = "otel-collector"
    replicaCount     = 2
    image = {
      repository = "otel/opentelemetry-collector-contrib"
      tag        = var.otel_collector_image_tag
    }
    command = { name = "otelcol-contrib" }
    config  = local.collector_config_in_cluster
    ports = {
      prom-exporter = {
        enabled       = true
        containerPort = 8889
        servicePort   = 8889
        protocol      = "TCP"
      }
    }
    resources = {
      requests = { cpu = "100m", memory = "256Mi" }
      limits   = { memory = "512Mi" }
    }
  })]

  depends_on = [kubernetes_service_v1.jaeger]
}

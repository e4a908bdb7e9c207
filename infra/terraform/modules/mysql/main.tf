# MySQL Operator (Helm) and an InnoDBCluster: Group Replication instances behind MySQL Router,
# plus a Job that creates Pluma's database and its own user through the Router.
resource "helm_release" "operator" {
  name             = "mysql-operator"
  repository       = "https://mysql.github.io/mysql-operator/"
  chart            = "mysql-operator"
  version          = var.operator_chart_version
  namespace        = var.operator_namespace
  create_namespace = true
}

resource "kubernetes_secret_v1" "root" {
  metadata {
    name      = "${var.cluster_name}-root"
    namespace = var.namespace
  }
  data = {
    rootUser     = var.root_user
    rootHost     = "%"
    rootPassword = var.root_password
  }
}

resource "kubernetes_secret_v1" "app_user" {
  metadata {
    name      = "${var.cluster_name}-app-user"
    namespace = var.namespace
  }
  data = {
    MYSQL_ROOT_USER     = var.root_user
    MYSQL_ROOT_PASSWORD = var.root_password
    MYSQL_APP_USER      = var.app_user
    MYSQL_APP_PASSWORD  = var.app_password
  }
}

resource "kubernetes_manifest" "innodb_cluster" {
  manifest = {
    apiVersion = "mysql.oracle.com/v2"
    kind       = "InnoDBCluster"
    metadata = {
      name      = var.cluster_name
      namespace = var.namespace
    }
    spec = {
      secretName       = kubernetes_secret_v1.root.metadata[0].name
      tlsUseSelfSigned = true
      instances        = var.instances
      version          = var.mysql_version
      router = {
        instances = var.router_instances
      }
      datadirVolumeClaimTemplate = {
        accessModes = ["ReadWriteOnce"]
        resources = {
          requests = { storage = var.storage_size }
        }
      }
    }
  }

  wait {
    fields = {
      "status.cluster.status" = "ONLINE"
    }
  }
  timeouts {
    create = "30m"
  }

  depends_on = [helm_release.operator]
}

# Runs once per change of user or database name: CREATE ... IF NOT EXISTS is idempotent.
resource "kubernetes_job_v1" "app_user" {
  metadata {
    name      = "${var.cluster_name}-app-user-${substr(sha1("${var.app_user}/${var.database}"), 0, 8)}"
    namespace = var.namespace
  }
  spec {
    backoff_limit = 10
    template {
      metadata {}
      spec {
        restart_policy = "OnFailure"
        container {
          name    = "create-user"
          image   = "mysql:${var.mysql_version}"
          command = ["sh", "-c"]
          args = [<<-EOT
            mysql -h ${var.cluster_name} -P 6446 -u"$MYSQL_ROOT_USER" -p"$MYSQL_ROOT_PASSWORD" -e "
              CREATE DATABASE IF NOT EXISTS \`${var.database}\`;
              CREATE USER IF NOT EXISTS '$MYSQL_APP_USER'@'%' IDENTIFIED BY '$MYSQL_APP_PASSWORD';
              ALTER USER '$MYSQL_APP_USER'@'%' IDENTIFIED BY '$MYSQL_APP_PASSWORD';
              GRANT ALL PRIVILEGES ON \`${var.database}\`.* TO '$MYSQL_APP_USER'@'%';"
          EOT
          ]
          env_from {
            secret_ref {
              name = kubernetes_secret_v1.app_user.metadata[0].name
            }
          }
        }
      }
    }
  }
  wait_for_completion = true
  timeouts {
    create = "10m"
  }
  depends_on = [kubernetes_manifest.innodb_cluster]
}

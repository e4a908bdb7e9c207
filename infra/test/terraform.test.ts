// Checks infra/terraform without a Terraform binary or a cluster: the files are parsed and the
// things that break a deploy or leak a secret are checked against the apps' real ports, paths
// and config schemas.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ApiConfigSchema,
  CollabConfigSchema,
  WebConfigSchema,
  WorkersConfigSchema,
} from '@pluma/config';
import { parseHcl, type HclBody } from './support/hcl.ts';
import {
  REPO_ROOT,
  TERRAFORM_DIR,
  allFolders,
  allStrings,
  block,
  findSecretLiterals,
  isSecretVariable,
  loadFolder,
  only,
  references,
  resolveLocal,
} from './support/terraform.ts';

const folders = allFolders();
const name = (dir: string) => dir.slice(TERRAFORM_DIR.length + 1);
const production = loadFolder(join(TERRAFORM_DIR, 'envs', 'production'));
const appModule = loadFolder(join(TERRAFORM_DIR, 'modules', 'app'));
const ingressModule = loadFolder(join(TERRAFORM_DIR, 'modules', 'ingress'));

const APPS = {
  api: { schema: ApiConfigSchema, portVar: 'API_PORT' },
  collab: { schema: CollabConfigSchema, portVar: 'COLLAB_PORT' },
  workers: { schema: WorkersConfigSchema, portVar: 'WORKERS_PORT' },
  web: { schema: WebConfigSchema, portVar: 'WEB_PORT' },
} as const;
type AppName = keyof typeof APPS;

/** The port an app listens on when its port variable is not set: the schema's default. */
function defaultPort(app: AppName): number {
  const { schema, portVar } = APPS[app];
  const field = (schema.shape as Record<string, { parse(v: unknown): unknown }>)[portVar]!;
  return field.parse(undefined) as number;
}

describe('terraform layout', () => {
  it('has the component modules and the production environment, each with main, variables and outputs', () => {
    expect(readdirSync(join(TERRAFORM_DIR, 'modules')).sort()).toEqual([
      'app',
      'ingress',
      'minio',
      'mysql',
      'observability',
      'redis',
    ]);
    for (const folder of folders) {
      const files = folder.files.map((f) => f.name);
      expect(files, name(folder.dir)).toEqual(
        expect.arrayContaining(['main.tf', 'variables.tf', 'outputs.tf']),
      );
    }
    expect(production.files.map((f) => f.name)).toContain('versions.tf');
    expect(existsSync(join(production.dir, 'terraform.tfvars.example'))).toBe(true);
  });

  it('uses only the kubernetes and helm providers', () => {
    const versions = only(production.files.find((f) => f.name === 'versions.tf')!.body.terraform);
    expect(Object.keys(only(versions.required_providers)).sort()).toEqual(['helm', 'kubernetes']);
  });
});

describe('terraform references', () => {
  it.each(folders.map((f) => [name(f.dir), f] as const))(
    '%s: every var.X used is declared, and every declared variable is used',
    (_, folder) => {
      const used = references(folder, 'var');
      const declared = Object.keys(folder.variables).sort();
      expect(used.filter((v) => !declared.includes(v))).toEqual([]);
      expect(declared.filter((v) => !used.includes(v))).toEqual([]);
    },
  );

  it.each(folders.map((f) => [name(f.dir), f] as const))(
    '%s: every local.X and module.X used is declared',
    (_, folder) => {
      const locals = Object.keys(folder.locals);
      expect(references(folder, 'local').filter((l) => !locals.includes(l))).toEqual([]);
      const modules = Object.keys(folder.modules);
      expect(references(folder, 'module').filter((m) => !modules.includes(m))).toEqual([]);
    },
  );

  it.each(folders.flatMap((f) => Object.entries(f.modules).map(([m, b]) => [m, f, b] as const)))(
    'module %s: its source exists and it is given exactly the variables the module declares',
    (_, folder, call) => {
      expect(typeof call.source).toBe('string');
      const source = resolve(folder.dir, call.source as string);
      expect(existsSync(join(source, 'main.tf')), `${call.source} from ${name(folder.dir)}`).toBe(
        true,
      );
      const module = loadFolder(source);
      const meta = ['source', 'depends_on', 'count', 'for_each', 'providers'];
      const given = Object.keys(call).filter((k) => !meta.includes(k));
      expect(given.filter((k) => !(k in module.variables))).toEqual([]);
      const required = Object.entries(module.variables)
        .filter(([, v]) => !('default' in v))
        .map(([k]) => k);
      expect(required.filter((k) => !given.includes(k))).toEqual([]);
    },
  );
});

describe('terraform secrets', () => {
  it('the secret detector finds a literal password, a token and a URL with credentials', async () => {
    const sample = await parseHcl(`
      resource "kubernetes_secret_v1" "db" {
        data = {
          password = "hunter2"
          url      = "mysql://pluma:s3cret@mysql:6446/pluma"
          api      = "ghp_0123456789abcdefABCDEF0123456789abcd"
          from_var = var.db_password
        }
      }
    `);
    expect(findSecretLiterals(sample).sort()).toEqual([
      'resource.kubernetes_secret_v1.db[0].data.api: looks like a credential',
      'resource.kubernetes_secret_v1.db[0].data.password: literal value for a secret-like attribute',
      'resource.kubernetes_secret_v1.db[0].data.url: looks like a credential',
    ]);
  });

  it.each(
    folders.flatMap((f) => f.files.map((file) => [`${name(f.dir)}/${file.name}`, file.body])),
  )('%s has no secret literal', (_, body) => {
    expect(findSecretLiterals(body as HclBody)).toEqual([]);
  });

  it.each(folders.map((f) => [name(f.dir), f] as const))(
    '%s: variables holding secrets are sensitive and have no default',
    (_, folder) => {
      const secrets = Object.entries(folder.variables).filter(([k]) => isSecretVariable(k));
      for (const [variable, body] of secrets) {
        expect(body.sensitive, variable).toBe(true);
        expect(typeof body.default, variable).not.toBe('string');
      }
    },
  );

  it('the production environment takes every secret from a sensitive variable', async () => {
    const secretVariables = Object.entries(production.variables)
      .filter(([, v]) => v.sensitive === true)
      .map(([k]) => k)
      .sort();
    expect(secretVariables).toEqual([
      'grafana_admin_password',
      'jwt_secret',
      'mysql_app_password',
      'mysql_root_password',
      's3_access_key',
      's3_secret_key',
      'smtp_url',
    ]);
    // The example tfvars leaves every one of them empty.
    const example = await parseHcl(
      readFileSync(join(production.dir, 'terraform.tfvars.example'), 'utf8'),
      'terraform.tfvars.example',
    );
    for (const secret of secretVariables) expect(example[secret], secret).toBe('');
  });
});

describe('terraform apps', () => {
  const deployment = appModule.resources.kubernetes_deployment_v1!.app!;
  const container = block(deployment, 'spec', 'template', 'spec', 'container');

  it('the four apps are one module each, running their own main.ts', () => {
    const apps = Object.entries(production.modules)
      .filter(([, call]) => call.source === '../../modules/app')
      .map(([key, call]) => [key, call.name, call.command])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(apps).toEqual([
      ['api', 'api', ['node', 'apps/api/src/main.ts']],
      ['collab', 'collab', ['node', 'apps/collab/src/main.ts']],
      ['web', 'web', ['node', 'apps/web/src/main.ts']],
      ['workers', 'workers', ['node', 'apps/workers/src/main.ts']],
    ]);
    for (const [, , command] of apps)
      expect(existsSync(join(REPO_ROOT, (command as string[])[1]!))).toBe(true);
  });

  it.each(Object.keys(APPS) as AppName[])(
    '%s listens where the Deployment, probes and Service expect: its port variable, the schema default',
    (app) => {
      const call = production.modules[app]!;
      const port = resolveLocal(production, call.port);
      expect(port).toBe(defaultPort(app));
      const env = call.env as HclBody;
      expect(env[APPS[app].portVar]).toBe(`\${tostring(local.ports.${app})}`);
      expect(env[`${app.toUpperCase()}_HOST`]).toBe('0.0.0.0');
      expect(env.METRICS_PORT).toBe(`\${tostring(local.metrics_ports.${app})}`);
    },
  );

  it('probes /healthz for liveness and /readyz for readiness on the app port, which the apps serve', () => {
    const liveness = block(container, 'liveness_probe', 'http_get');
    const readiness = block(container, 'readiness_probe', 'http_get');
    expect(liveness).toEqual({ path: '/healthz', port: '${var.port}' });
    expect(readiness).toEqual({ path: '/readyz', port: '${var.port}' });
    const ports = (container.port as HclBody[]).map((p) => [p.name, p.container_port]);
    expect(ports).toEqual([
      ['http', '${var.port}'],
      ['metrics', '${var.metrics_port}'],
    ]);
    const health = readFileSync(join(REPO_ROOT, 'packages/runtime/src/health.ts'), 'utf8');
    expect(health).toContain("app.get('/healthz'");
    expect(health).toContain("app.get('/readyz'");
  });

  it('sets resource requests and limits and takes env from a ConfigMap and a Secret', () => {
    expect(block(container, 'resources')).toEqual({
      requests: '${var.resources.requests}',
      limits: '${var.resources.limits}',
    });
    const envFrom = (container.env_from as HclBody[]).map((e) => Object.keys(e)[0]);
    expect(envFrom).toEqual(['config_map_ref', 'secret_ref']);
  });

  it('has a CPU HorizontalPodAutoscaler (autoscaling/v2) and a PodDisruptionBudget for the Deployment', () => {
    const hpa = appModule.resources.kubernetes_horizontal_pod_autoscaler_v2?.app;
    expect(hpa).toBeDefined();
    const target = block(hpa!, 'spec', 'scale_target_ref');
    expect(target).toMatchObject({
      kind: 'Deployment',
      name: expect.stringContaining('kubernetes_deployment_v1.app'),
    });
    expect(block(hpa!, 'spec', 'metric', 'resource').name).toBe('cpu');
    const pdb = appModule.resources.kubernetes_pod_disruption_budget_v1?.app;
    expect(pdb).toBeDefined();
    expect(block(pdb!, 'spec', 'selector').match_labels).toBe('${local.labels}');
  });

  it('exposes the metrics port to Prometheus with the job name of the dashboards (pluma-<app>)', () => {
    expect(appModule.locals.job).toBe('pluma-${var.name}');
    const monitor = appModule.resources.kubernetes_manifest!.service_monitor!;
    const spec = (monitor.manifest as HclBody).spec as HclBody;
    expect(spec.jobLabel).toBe('prometheus-job');
    expect(spec.endpoints).toEqual([{ port: 'metrics', path: '/metrics', interval: '15s' }]);
    const service = appModule.resources.kubernetes_service_v1!.app!;
    expect(block(service, 'metadata').labels).toContain('"prometheus-job" = local.job');
  });

  it.each(Object.keys(APPS) as AppName[])(
    '%s is given every variable its config schema requires, secrets only through the Secret',
    (app) => {
      const call = production.modules[app]!;
      const env = (call.env ?? {}) as HclBody;
      const secretEnv = (call.secret_env ?? {}) as HclBody;
      const shape = APPS[app].schema.shape as Record<
        string,
        { safeParse(v: unknown): { success: boolean } }
      >;
      const required = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
      const given = [...Object.keys(env), ...Object.keys(secretEnv)];
      expect(required.filter((k) => !given.includes(k))).toEqual([]);
      for (const secret of [
        'DATABASE_URL',
        'DATABASE_READ_URL',
        'JWT_SECRET',
        'S3_ACCESS_KEY',
        'S3_SECRET_KEY',
        'SMTP_URL',
      ])
        expect(Object.keys(env), `${secret} must not be in the ConfigMap`).not.toContain(secret);
      // Every literal value set is one the schema accepts.
      for (const [key, value] of Object.entries(env)) {
        if (typeof value === 'string' && !value.includes('${') && shape[key])
          expect(shape[key].safeParse(value).success, `${app} ${key}=${value}`).toBe(true);
      }
    },
  );

  it('connects the apps to the MySQL Router: writes on the RW port 6446, reads on the RO port 6447', () => {
    expect(production.locals.database_url).toContain('${module.mysql.rw_port}');
    expect(production.locals.database_read_url).toContain('${module.mysql.ro_port}');
    const mysqlOutputs = loadFolder(join(TERRAFORM_DIR, 'modules', 'mysql')).outputs;
    expect(mysqlOutputs.rw_port!.value).toBe(6446);
    expect(mysqlOutputs.ro_port!.value).toBe(6447);
    for (const app of ['api', 'collab', 'workers']) {
      const secretEnv = production.modules[app]!.secret_env as HclBody;
      expect(secretEnv.DATABASE_URL).toBe('${local.database_url}');
      expect(secretEnv.DATABASE_READ_URL).toBe('${local.database_read_url}');
    }
  });

  it('the MySQL module runs an InnoDBCluster of three instances with Router, from the operator chart', () => {
    const mysql = loadFolder(join(TERRAFORM_DIR, 'modules', 'mysql'));
    expect(mysql.resources.helm_release!.operator!.chart).toBe('mysql-operator');
    const cluster = mysql.resources.kubernetes_manifest!.innodb_cluster!.manifest as HclBody;
    expect(cluster.kind).toBe('InnoDBCluster');
    expect((cluster.spec as HclBody).instances).toBe('${var.instances}');
    expect((cluster.spec as HclBody).router).toEqual({ instances: '${var.router_instances}' });
    expect(mysql.variables.instances!.default).toBe(3);
  });
});

describe('terraform ingress', () => {
  const routes = ingressModule.locals.routes as Record<string, HclBody[]>;
  const byPath = Object.fromEntries(
    Object.values(routes)
      .flat()
      .map((r) => [r.path, r.backend]),
  );

  it('routes /v1 and /socket.io to api, /collab to collab and / to web', () => {
    expect(byPath).toEqual({ '/v1': 'api', '/socket.io': 'api', '/collab': 'collab', '/': 'web' });
  });

  it('each backend is the Service and port of the app module it names', () => {
    const backends = production.modules.ingress!.backends as Record<string, HclBody>;
    for (const app of ['api', 'collab', 'web'] as const) {
      expect(backends[app]).toEqual({
        service: `\${module.${app}.service_name}`,
        port: `\${module.${app}.port}`,
      });
      // module.<app>.port is the port the app listens on.
      expect(resolveLocal(production, production.modules[app]!.port)).toBe(defaultPort(app));
    }
    expect(appModule.outputs.port!.value).toBe('${var.port}');
    const ingress = ingressModule.resources.kubernetes_ingress_v1!.pluma!;
    const path = only((block(ingress, 'spec', 'rule', 'http').dynamic as HclBody).path);
    const service = block(only(path.content), 'backend', 'service');
    expect(service.name).toBe('${var.backends[path.value.backend].service}');
    expect(block(service, 'port').number).toBe('${var.backends[path.value.backend].port}');
  });

  it('gives the WebSocket routes (/collab, /socket.io) hour-long proxy timeouts, on a host with TLS', () => {
    expect(routes.realtime!.map((r) => r.path).sort()).toEqual(['/collab', '/socket.io']);
    expect(ingressModule.locals.websocket_annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
      'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
    });
    expect(ingressModule.locals.annotations).toMatchObject({
      realtime: expect.stringContaining('local.websocket_annotations'),
    });
    const ingress = ingressModule.resources.kubernetes_ingress_v1!.pluma!;
    expect(block(ingress, 'spec', 'tls').hosts).toEqual(['${var.host}']);
    expect(block(ingress, 'spec', 'rule').host).toBe('${var.host}');
  });
});

describe('terraform observability', () => {
  const observability = loadFolder(join(TERRAFORM_DIR, 'modules', 'observability'));
  const locals = observability.locals;
  /** A path expression of the module's locals as a real path ("${path.module}/../.." and so on). */
  const fromModule = (expression: HclBody[string] | undefined) => {
    const text = String(expression).replace(
      '${local.observability_dir}',
      String(locals.observability_dir),
    );
    return resolve(observability.dir, text.replace('${path.module}/', ''));
  };

  it('reads the alert rules, the dashboards and the collector config from observability/', () => {
    expect(fromModule(locals.observability_dir)).toBe(join(REPO_ROOT, 'observability'));
    expect(existsSync(fromModule(locals.rules_file))).toBe(true);
    expect(existsSync(fromModule(locals.collector_file))).toBe(true);
    const dashboards = readdirSync(fromModule(locals.dashboards_dir)).filter((f) =>
      f.endsWith('.json'),
    );
    expect(dashboards.sort()).toEqual([
      'api.json',
      'collab.json',
      'overview.json',
      'queues-ingestion.json',
      'runtime.json',
    ]);
    expect(locals.dashboards).toBe('${fileset(local.dashboards_dir, "*.json")}');
    // Every file() in the module reads a path built from those locals.
    const reads = observability.files
      .flatMap((f) => allStrings(f.body))
      .flatMap((s) => [...s.matchAll(/\bfile\(([^)]*)\)/g)].map((m) => m[1]));
    expect(reads.sort()).toEqual([
      '"${local.dashboards_dir}/${each.value}"',
      'local.collector_file',
      'local.rules_file',
    ]);
  });

  it('loads the rules as a PrometheusRule and the dashboards as ConfigMaps for the Grafana sidecar', () => {
    const rule = observability.resources.kubernetes_manifest!.alert_rules!.manifest as HclBody;
    expect(rule.kind).toBe('PrometheusRule');
    expect((rule.spec as HclBody).groups).toBe('${yamldecode(file(local.rules_file)).groups}');
    const dashboard = observability.resources.kubernetes_config_map_v1!.dashboard!;
    expect(dashboard.for_each).toBe('${local.dashboards}');
    expect(block(dashboard, 'metadata').labels).toEqual({ grafana_dashboard: '1' });
    const stack = observability.resources.helm_release!.kube_prometheus_stack!;
    expect(stack.chart).toBe('kube-prometheus-stack');
    expect(stack.values).toEqual([expect.stringMatching(/label\s*=\s*"grafana_dashboard"/)]);
    expect(observability.resources.helm_release!.otel_collector!.chart).toBe(
      'opentelemetry-collector',
    );
  });
});

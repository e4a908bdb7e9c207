// Checks that observability/ fits the compose stack and the metric contract: Prometheus scrapes
// the services and ports compose runs, Grafana gets the datasources and dashboards where compose
// mounts them, every dashboard panel and alert queries only metrics of observability/metrics.md.
// (The scrape of the running apps and promtool are observability/test's job.)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { containerEnv, loadCompose, readEnvFile } from './support/compose.ts';
import { contractMetricNames, metricNames } from './support/promql.ts';
import { REPO_ROOT } from './support/terraform.ts';

const OBS = join(REPO_ROOT, 'observability');
const compose = loadCompose(readEnvFile(join(REPO_ROOT, 'infra/compose/compose.env.example')));
const services = compose.services;
const readYaml = (path: string) =>
  parse(readFileSync(join(OBS, path), 'utf8')) as Record<string, unknown>;
const contract = contractMetricNames();

interface ScrapeConfig {
  job_name: string;
  metrics_path?: string;
  static_configs: { targets: string[] }[];
}
interface Panel {
  title: string;
  type: string;
  datasource?: { type: string; uid: string };
  targets?: { expr?: string; datasource?: { uid: string } }[];
}
interface Rule {
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const dashboardFiles = readdirSync(join(OBS, 'grafana/dashboards')).filter((f) =>
  f.endsWith('.json'),
);
const dashboards = dashboardFiles.map((file) => ({
  file,
  json: JSON.parse(readFileSync(join(OBS, 'grafana/dashboards', file), 'utf8')) as {
    uid: string;
    title: string;
    schemaVersion: number;
    panels: Panel[];
  },
}));
const rules = (readYaml('prometheus/rules/pluma-alerts.yml').groups as { rules: Rule[] }[]).flatMap(
  (g) => g.rules,
);

describe('metric names', () => {
  it('reads metric names out of PromQL and the contract out of metrics.md', () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (le, route) (rate(pluma_http_server_duration_seconds_bucket{job="pluma-api"}[5m]))) > 0.5 and on () up == 0',
      ),
    ).toEqual(['pluma_http_server_duration_seconds_bucket', 'up']);
    expect(contract.has('pluma_collab_append_duration_seconds_bucket')).toBe(true);
    expect(contract.has('pluma_queue_jobs_failed_total')).toBe(true);
    expect(contract.has('pluma_queue_jobs_failed')).toBe(false);
  });
});

describe('prometheus.yml', () => {
  const config = readYaml('prometheus/prometheus.yml') as {
    scrape_configs: ScrapeConfig[];
    rule_files: string[];
  };
  const jobs = Object.fromEntries(config.scrape_configs.map((s) => [s.job_name, s]));

  it.each([
    ['pluma-api', 'api'],
    ['pluma-collab', 'collab'],
    ['pluma-workers', 'workers'],
    ['pluma-web', 'web'],
  ])('job %s scrapes the %s service on the METRICS_PORT compose gives it', (job, service) => {
    const metricsPort = containerEnv(services[service]!).METRICS_PORT;
    expect(metricsPort).toBeDefined();
    expect(jobs[job]!.static_configs).toEqual([{ targets: [`${service}:${metricsPort}`] }]);
    expect(jobs[job]!.metrics_path ?? '/metrics').toBe('/metrics');
  });

  it('scrapes the collector and Prometheus itself, and every target is a compose service', () => {
    expect(Object.keys(jobs)).toEqual(expect.arrayContaining(['otel-collector', 'prometheus']));
    for (const scrape of config.scrape_configs)
      for (const target of scrape.static_configs.flatMap((s) => s.targets)) {
        const host = target.split(':')[0]!;
        if (host !== 'localhost')
          expect(services[host], `${scrape.job_name} -> ${target}`).toBeDefined();
      }
  });

  it('loads the alert rules, and compose mounts the folder they are in', () => {
    expect(config.rule_files).toEqual(['rules/*.yml']);
    expect(services.prometheus!.volumes).toContain('./observability/prometheus:/etc/prometheus:ro');
    expect(services.prometheus!.command).toContain('--config.file=/etc/prometheus/prometheus.yml');
  });
});

describe('alert rules', () => {
  it('cover the alerts the SREs asked for', () => {
    expect(rules.map((r) => r.alert)).toEqual([
      'PlumaApiHighErrorRate',
      'PlumaApiHighLatency',
      'PlumaCollabAppendSlow',
      'PlumaCollabRefusedConnectionsSpike',
      'PlumaQueueBacklogGrowing',
      'PlumaJobsFailing',
      'PlumaIngestionStalled',
      'PlumaAppDown',
      'PlumaEventLoopBlocked',
    ]);
  });

  it.each(rules.map((r) => [r.alert!, r] as const))(
    '%s has a duration, a severity, a summary and a runbook, and queries contract metrics only',
    (_, rule) => {
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(['page', 'warning']).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary).toBeTruthy();
      expect(rule.annotations?.runbook?.length).toBeGreaterThan(80);
      const names = metricNames(rule.expr);
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((n) => !contract.has(n))).toEqual([]);
    },
  );
});

describe('grafana', () => {
  const datasources = readYaml('grafana/provisioning/datasources/datasources.yml').datasources as {
    uid: string;
    type: string;
    url: string;
  }[];
  const grafanaMounts = services.grafana!.volumes!;

  it('provisions Prometheus and Jaeger at their compose service addresses', () => {
    expect(datasources.map((d) => [d.uid, d.type, new URL(d.url).host])).toEqual([
      ['prometheus', 'prometheus', 'prometheus:9090'],
      ['jaeger', 'jaeger', 'jaeger:16686'],
    ]);
  });

  it('loads dashboards from the folder compose mounts the dashboard files at', () => {
    const providers = readYaml('grafana/provisioning/dashboards/dashboards.yml').providers as {
      options: { path: string };
    }[];
    expect(grafanaMounts).toContain(
      `./observability/grafana/dashboards:${providers[0]!.options.path}:ro`,
    );
    expect(grafanaMounts).toContain(
      './observability/grafana/provisioning/datasources:/etc/grafana/provisioning/datasources:ro',
    );
  });

  it('has the five dashboards, each with its own uid', () => {
    expect(dashboards.map((d) => [d.file, d.json.title])).toEqual([
      ['api.json', 'Pluma / API'],
      ['collab.json', 'Pluma / Collab'],
      ['overview.json', 'Pluma / Overview'],
      ['queues-ingestion.json', 'Pluma / Queues and ingestion'],
      ['runtime.json', 'Pluma / Runtime'],
    ]);
    expect(new Set(dashboards.map((d) => d.json.uid)).size).toBe(dashboards.length);
    for (const { json } of dashboards) expect(json.schemaVersion).toBeGreaterThanOrEqual(36);
  });

  it.each(dashboards.map((d) => [d.file, d.json.panels] as const))(
    '%s: every panel has a provisioned datasource and queries contract metrics only',
    (_, panels) => {
      expect(panels.length).toBeGreaterThan(3);
      const uids = datasources.map((d) => d.uid);
      for (const panel of panels) {
        expect(uids, panel.title).toContain(panel.datasource?.uid);
        expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
        for (const target of panel.targets ?? []) {
          expect(target.expr, panel.title).toBeTruthy();
          const unknown = metricNames(target.expr!).filter((n) => !contract.has(n));
          expect(unknown, `${panel.title}: ${target.expr}`).toEqual([]);
        }
      }
    },
  );

  it('the dashboards together show every metric of the contract', () => {
    const shown = new Set(
      dashboards.flatMap((d) =>
        d.json.panels.flatMap((p) => (p.targets ?? []).flatMap((t) => metricNames(t.expr ?? ''))),
      ),
    );
    const base = (name: string) => name.replace(/_(bucket|sum|count)$/, '');
    const shownBases = new Set([...shown].map(base));
    const missing = [...contract].filter(
      (n) => !/_(bucket|sum|count)$/.test(n) && !shownBases.has(n),
    );
    expect(missing).toEqual([]);
  });
});

describe('otel collector', () => {
  const config = readYaml('otel-collector/config.yaml') as {
    receivers: { otlp: { protocols: Record<string, { endpoint: string }> } };
    processors: Record<string, unknown>;
    exporters: Record<string, { endpoint: string }>;
    service: {
      pipelines: Record<string, { receivers: string[]; processors: string[]; exporters: string[] }>;
    };
  };

  it('takes OTLP on 4317 (gRPC) and 4318 (HTTP), the endpoint the apps are given', () => {
    expect(config.receivers.otlp.protocols.grpc!.endpoint).toBe('0.0.0.0:4317');
    expect(config.receivers.otlp.protocols.http!.endpoint).toBe('0.0.0.0:4318');
    expect(containerEnv(services.api!).OTEL_EXPORTER_OTLP_ENDPOINT).toBe(
      'http://otel-collector:4318',
    );
    expect(services['otel-collector']!.volumes).toContain(
      './observability/otel-collector/config.yaml:/etc/otelcol-contrib/config.yaml:ro',
    );
  });

  it('sends traces to Jaeger and exposes metrics where Prometheus scrapes them', () => {
    const traces = config.service.pipelines.traces!;
    const metrics = config.service.pipelines.metrics!;
    expect(traces.exporters.map((e) => config.exporters[e]!.endpoint)).toEqual(['jaeger:4317']);
    expect(services.jaeger).toBeDefined();
    expect(containerEnv(services.jaeger!).COLLECTOR_OTLP_ENABLED).toBe('true');
    expect(metrics.exporters.map((e) => config.exporters[e]!.endpoint)).toEqual(['0.0.0.0:8889']);
    const prometheus = readYaml('prometheus/prometheus.yml').scrape_configs as ScrapeConfig[];
    const collectorJob = prometheus.find((s) => s.job_name === 'otel-collector')!;
    expect(collectorJob.static_configs[0]!.targets).toEqual(['otel-collector:8889']);
  });

  it('limits memory before batching in every pipeline', () => {
    for (const pipeline of Object.values(config.service.pipelines))
      expect(pipeline.processors).toEqual(['memory_limiter', 'batch']);
  });
});

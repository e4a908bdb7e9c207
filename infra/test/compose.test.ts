// Checks docker-compose.yml without a Docker engine: the file is read the way `docker compose`
// reads it (merge keys, ${VAR} substitution from .env) and every app's environment is parsed
// with the app's own config schema, as the app does at start-up.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ApiConfigSchema,
  CollabConfigSchema,
  DbConfigSchema,
  WebConfigSchema,
  WorkersConfigSchema,
  loadConfig,
} from '@pluma/config';
import { containerEnv, interpolate, loadCompose, readEnvFile } from './support/compose.ts';
import { REPO_ROOT } from './support/terraform.ts';

/** What a user puts in .env before `docker compose up` (infra/compose/compose.env.example). */
const dotEnv = readEnvFile(join(REPO_ROOT, 'infra/compose/compose.env.example'));
const compose = loadCompose(dotEnv);
const services = compose.services;

const APPS = {
  api: { schema: ApiConfigSchema, port: 3001, portVar: 'API_PORT', metricsPort: 9464 },
  collab: { schema: CollabConfigSchema, port: 3002, portVar: 'COLLAB_PORT', metricsPort: 9465 },
  workers: { schema: WorkersConfigSchema, port: 3003, portVar: 'WORKERS_PORT', metricsPort: 9466 },
  web: { schema: WebConfigSchema, port: 3000, portVar: 'WEB_PORT', metricsPort: 9467 },
} as const;
type AppName = keyof typeof APPS;
const appNames = Object.keys(APPS) as AppName[];

describe('docker-compose.yml variables', () => {
  it('substitutes like compose: defaults, required variables and $$', () => {
    expect(interpolate('${A:-x}/${B-y}/$$HOME', { A: '', B: '' })).toBe('x//$HOME');
    expect(() => interpolate('${SECRET:?set SECRET in .env}', {})).toThrow(
      'required variable SECRET is missing a value: set SECRET in .env',
    );
  });

  it('refuses to start without the secrets in .env, naming the first missing one', () => {
    expect(() => loadCompose({})).toThrow(/required variable MYSQL_ROOT_PASSWORD/);
    const { JWT_SECRET: _, ...withoutJwt } = dotEnv;
    expect(() => loadCompose(withoutJwt)).toThrow(/required variable JWT_SECRET/);
  });

  it.each(appNames)('%s: its environment satisfies its config schema', (app) => {
    const { schema, port, portVar, metricsPort } = APPS[app];
    const config = loadConfig(schema, containerEnv(services[app]!)) as Record<string, unknown>;
    expect(config[portVar]).toBe(port);
    expect(config.METRICS_PORT).toBe(metricsPort);
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel-collector:4318');
    // Reachable from other containers, not only from inside its own.
    expect(containerEnv(services[app]!)[`${app.toUpperCase()}_HOST`]).toBe('0.0.0.0');
  });

  it('the migrate one-shot has what the migration command needs', () => {
    const config = loadConfig(DbConfigSchema, containerEnv(services.migrate!));
    expect(new URL(config.DATABASE_URL).host).toBe('mysql-router:6446');
    expect(services.migrate!.command).toEqual(['node', 'packages/db/src/cli/migrate.ts']);
  });

  it('api, collab and workers write through the Router RW port and read through its RO port', () => {
    const router = services['mysql-router']!;
    expect(router.ports).toEqual(['6446:6446', '6447:6447']);
    for (const app of ['api', 'collab', 'workers'] as const) {
      const env = containerEnv(services[app]!);
      const write = new URL(env.DATABASE_URL!);
      const read = new URL(env.DATABASE_READ_URL!);
      expect([write.hostname, write.port], app).toEqual(['mysql-router', '6446']);
      expect([read.hostname, read.port], app).toEqual(['mysql-router', '6447']);
      expect(write.username).toBe(dotEnv.MYSQL_USER);
      expect(write.password).toBe(dotEnv.MYSQL_PASSWORD);
      expect(env.MIGRATE_ON_START).toBe('false');
    }
  });

  it('the apps and the Router reach the other services by their compose names', () => {
    const env = containerEnv(services.workers!);
    expect(new URL(env.REDIS_URL!).hostname).toBe('redis');
    expect(new URL(env.S3_ENDPOINT!).hostname).toBe('minio');
    expect(new URL(env.SMTP_URL!).hostname).toBe('mailpit');
    expect(containerEnv(services['mysql-router']!).MYSQL_HOST).toBe('mysql-1');
    for (const host of ['redis', 'minio', 'mailpit', 'mysql-1', 'otel-collector'])
      expect(services[host], host).toBeDefined();
  });
});

describe('docker-compose.yml services', () => {
  it('runs an InnoDB Cluster: three Group Replication nodes, the MySQL Shell setup and the Router', () => {
    for (const [i, node] of ['mysql-1', 'mysql-2', 'mysql-3'].entries()) {
      const command = services[node]!.command!;
      expect(command).toEqual(
        expect.arrayContaining([
          `--server-id=${i + 1}`,
          `--report-host=${node}`,
          '--gtid-mode=ON',
          '--enforce-gtid-consistency=ON',
        ]),
      );
    }
    const setup = services['mysql-setup']!;
    expect(setup.entrypoint).toEqual(['mysqlsh', '--js', '--file', '/setup/mysql-cluster.js']);
    const script = readFileSync(join(REPO_ROOT, 'infra/compose/mysql-cluster.js'), 'utf8');
    for (const call of [
      'dba.createCluster',
      'dba.rebootClusterFromCompleteOutage',
      'rejoinInstance',
      'addInstance',
    ])
      expect(script).toContain(call);
    expect(services['mysql-router']!.depends_on).toEqual({
      'mysql-setup': { condition: 'service_completed_successfully' },
    });
  });

  it.each(appNames)('%s: its healthcheck asks /readyz on its own port', (app) => {
    const test = services[app]!.healthcheck!.test;
    expect([test].flat().join(' ')).toContain(`http://127.0.0.1:${APPS[app].port}/readyz`);
  });

  it.each(appNames)(
    '%s: runs its own main.ts from the image built by infra/compose/Dockerfile',
    (app) => {
      const service = services[app]!;
      expect(service.command).toEqual(['node', `apps/${app}/src/main.ts`]);
      expect(existsSync(join(REPO_ROOT, service.command![1]!))).toBe(true);
      expect(service.build).toEqual({ context: '.', dockerfile: 'infra/compose/Dockerfile' });
    },
  );

  it('every depends_on names a service of the file', () => {
    for (const [name, service] of Object.entries(services)) {
      const deps = Array.isArray(service.depends_on)
        ? service.depends_on
        : Object.keys(service.depends_on ?? {});
      for (const dep of deps) expect(services[dep], `${name} depends on ${dep}`).toBeDefined();
    }
  });

  it('every file or folder mounted from the repository exists', () => {
    const mounts = Object.values(services)
      .flatMap((s) => s.volumes ?? [])
      .filter((v) => v.startsWith('./'))
      .map((v) => v.split(':')[0]!);
    expect(mounts.length).toBeGreaterThan(5);
    for (const mount of mounts) expect(existsSync(join(REPO_ROOT, mount)), mount).toBe(true);
    const dockerfile = readFileSync(join(REPO_ROOT, 'infra/compose/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:24/m);
    expect(dockerfile).toContain('npm ci');
    expect(dockerfile).toContain('npm run build');
  });

  it('the gateway routes /v1 and /socket.io to api, /collab (WebSocket) to collab and / to web', () => {
    const gateway = services.gateway!;
    expect(gateway.volumes).toContain(
      './infra/compose/nginx.conf:/etc/nginx/conf.d/default.conf:ro',
    );
    const conf = readFileSync(join(REPO_ROOT, 'infra/compose/nginx.conf'), 'utf8');
    const upstreams = Object.fromEntries(
      [...conf.matchAll(/upstream (\w+) \{\s*server ([\w-]+):(\d+);/g)].map((m) => [
        m[1],
        `${m[2]}:${m[3]}`,
      ]),
    );
    const locations = [...conf.matchAll(/location (\S+) \{([^}]*)\}/g)].map((m) => ({
      path: m[1]!,
      target: upstreams[/proxy_pass http:\/\/(\w+);/.exec(m[2]!)![1]!],
      websocket: m[2]!.includes('proxy_set_header Upgrade $http_upgrade'),
    }));
    expect(locations).toEqual([
      { path: '/v1', target: 'api:3001', websocket: false },
      { path: '/socket.io', target: 'api:3001', websocket: true },
      { path: '/collab', target: 'collab:3002', websocket: true },
      { path: '/', target: 'web:3000', websocket: false },
    ]);
    expect(gateway.ports).toEqual(['8080:80']);
  });
});

// A real Prometheus (Debian `prometheus`) scrapes the four apps running as real processes and
// loads the repository's alert rules: every metric a dashboard or an alert uses must be in a scrape.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import {
  TEST_JWT_SECRET,
  createTestDatabase,
  createTestUser,
  startMailCatcher,
  startTestS3,
  testRedisPrefix,
  testRedisUrl,
  type MailCatcher,
  type TestDatabase,
  type TestS3,
} from '@pluma/testing';
import { connectRedis } from '@pluma/runtime';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { freePort, startApp, type AppName, type AppProcess } from './app-processes.ts';
import { alertRules, dashboardExprs, metricNamesIn } from './contract-names.ts';

const run = promisify(execFile);
const OBSERVABILITY = fileURLToPath(new URL('..', import.meta.url));
const RULES_DIR = join(OBSERVABILITY, 'prometheus/rules');
const DASHBOARDS_DIR = join(OBSERVABILITY, 'grafana/dashboards');
const APPS: AppName[] = ['api', 'collab', 'workers', 'web'];

/** Removes every Redis key the apps wrote under this test's prefixes (queues included). */
async function deleteRedisKeys(prefixes: string[]): Promise<void> {
  const redis = await connectRedis(testRedisUrl());
  try {
    for (const prefix of prefixes)
      for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
        if (keys.length > 0) await redis.del(keys);
  } finally {
    await redis.close();
  }
}

async function ruleFiles(): Promise<string[]> {
  return (await readdir(RULES_DIR))
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
    .map((f) => join(RULES_DIR, f));
}

describe('promtool', () => {
  it('accepts the Prometheus configuration', async () => {
    const { stdout } = await run('promtool', [
      'check',
      'config',
      join(OBSERVABILITY, 'prometheus/prometheus.yml'),
    ]);
    expect(stdout).toContain('SUCCESS');
  });

  it('accepts every alert rule file', async () => {
    const files = await ruleFiles();
    expect(files.length).toBeGreaterThan(0);
    const { stdout } = await run('promtool', ['check', 'rules', ...files]);
    expect(stdout).toContain('SUCCESS');
  });
});

describe('Prometheus scraping the running apps', () => {
  let db: TestDatabase | undefined;
  let s3: TestS3 | undefined;
  let mail: MailCatcher | undefined;
  let dataDir = '';
  const apps: AppProcess[] = [];
  let prometheus: ChildProcess | undefined;
  let prometheusUrl = '';
  let prometheusLog = '';
  const ports = {} as Record<AppName, number>;
  const redisPrefixes = [testRedisPrefix('obs'), testRedisPrefix('obs-queue')];

  beforeAll(async () => {
    [db, s3, mail] = await Promise.all([
      createTestDatabase('obs'),
      startTestS3(),
      startMailCatcher({ port: 0 }),
    ]);
    dataDir = await mkdtemp(join(tmpdir(), 'pluma-prometheus-'));
    const env = {
      DATABASE_URL: db.url,
      MIGRATE_ON_START: 'false',
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: redisPrefixes[0]!,
      QUEUE_PREFIX: redisPrefixes[1]!,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: s3.bucket,
      SMTP_URL: mail.url,
      MAIL_FROM: 'Pluma <no-reply@pluma.test>',
      JWT_SECRET: TEST_JWT_SECRET,
      PUBLIC_URL: 'http://pluma.test:8080',
    };
    apps.push(...(await Promise.all(APPS.map((name) => startApp(name, env)))));
    for (const app of apps) ports[app.name] = await app.port;

    const config = {
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: await ruleFiles(),
      scrape_configs: apps.map((app) => ({
        job_name: `pluma-${app.name}`,
        metrics_path: '/metrics',
        static_configs: [{ targets: [`127.0.0.1:${app.metricsPort}`] }],
      })),
    };
    const configFile = join(dataDir, 'prometheus.yml');
    await writeFile(configFile, stringify(config));
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      'prometheus',
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${join(dataDir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    prometheus.stderr?.on('data', (chunk: Buffer) => (prometheusLog += chunk.toString()));
  }, 240_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await Promise.all(apps.map((app) => app.stop()));
    await Promise.all([db?.drop(), s3?.stop(), mail?.stop(), deleteRedisKeys(redisPrefixes)]);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function query<T>(path: string): Promise<T> {
    const response = await fetch(`${prometheusUrl}${path}`);
    if (!response.ok) throw new Error(`${path}: ${response.status}; prometheus: ${prometheusLog}`);
    return ((await response.json()) as { data: T }).data;
  }

  /** A little of what users do: API requests (a 404 among them), a sign-up mail, a collab edit. */
  async function driveTraffic() {
    const api = `http://127.0.0.1:${ports.api}`;
    expect((await fetch(`${api}/healthz`)).status).toBe(200);
    expect((await fetch(`${api}/v1/works/999999`)).status).toBe(404);
    expect((await fetch(`${api}/v1/no-such-route`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${ports.web}/healthz`)).status).toBe(200);

    // Sign-up enqueues the verification mail: the workers process a job.
    const handle = `obs_${Math.random().toString(36).slice(2, 8)}`;
    const registered = await fetch(`${api}/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `${handle}@example.test`,
        password: 'correct horse battery staple',
        displayName: 'Observed Writer',
        handle,
      }),
    });
    expect(registered.status).toBe(201);
    await mail!.waitFor((m) => m.to.includes(`${handle}@example.test`), 60_000);

    // A writer opens a page in the editor, types, and closes it (the document unloads and compacts).
    const writer = await createTestUser(db!.orm);
    const auth = { authorization: `Bearer ${writer.token}`, 'content-type': 'application/json' };
    const work = (await (
      await fetch(`${api}/v1/works`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ title: 'Observed' }),
      })
    ).json()) as { id: number };
    const page = (await (
      await fetch(`${api}/v1/works/${work.id}/pages`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ title: 'One' }),
      })
    ).json()) as { id: number };
    const collabUrl = `ws://127.0.0.1:${ports.collab}/collab`;
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({
      url: collabUrl,
      WebSocketPolyfill: WebSocket,
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: `page:${page.id}`,
      document: doc,
      token: writer.token,
    });
    provider.attach();
    try {
      await vi.waitFor(() => expect(provider.isSynced).toBe(true), { timeout: 30_000 });
      doc.getXmlFragment('default').insert(0, [new Y.XmlText('Hello, observers.')]);
      await vi.waitFor(() => expect(provider.hasUnsyncedChanges).toBe(false), {
        timeout: 30_000,
      });
    } finally {
      provider.destroy();
      socket.destroy();
    }
    // Someone without a valid token is refused.
    const strangerSocket = new HocuspocusProviderWebsocket({
      url: collabUrl,
      WebSocketPolyfill: WebSocket,
    });
    const refusals: string[] = [];
    const stranger = new HocuspocusProvider({
      websocketProvider: strangerSocket,
      name: `page:${page.id}`,
      token: 'not-a-token',
      onAuthenticationFailed: ({ reason }) => refusals.push(reason),
    });
    stranger.attach();
    try {
      await vi.waitFor(() => expect(refusals.length).toBeGreaterThan(0), { timeout: 30_000 });
    } finally {
      stranger.destroy();
      strangerSocket.destroy();
    }
  }

  it('finds every app up and every metric the dashboards and alerts use', async () => {
    await driveTraffic();

    await vi.waitFor(
      async () => {
        const { activeTargets } = await query<{
          activeTargets: { labels: { job: string }; health: string; lastError: string }[];
        }>('/api/v1/targets');
        expect(
          Object.fromEntries(activeTargets.map((t) => [t.labels.job, t.health || t.lastError])),
        ).toEqual({
          'pluma-api': 'up',
          'pluma-collab': 'up',
          'pluma-workers': 'up',
          'pluma-web': 'up',
        });
      },
      { timeout: 60_000, interval: 500 },
    );

    const rules = await alertRules(await ruleFiles());
    const used = new Set<string>();
    for (const expr of [...(await dashboardExprs(DASHBOARDS_DIR)), ...rules.map((r) => r.expr)])
      for (const name of metricNamesIn(expr)) used.add(name);
    // The contract's core, whatever the dashboards happen to use today.
    for (const name of ['up', 'pluma_http_server_duration_seconds_bucket'])
      expect(used).toContain(name);

    await vi.waitFor(
      async () => {
        const present = new Set(await query<string[]>('/api/v1/label/__name__/values'));
        expect([...used].filter((name) => !present.has(name)).sort()).toEqual([]);
      },
      { timeout: 90_000, interval: 1000 },
    );

    // The HTTP histogram is labelled with route templates, never raw paths.
    const series = await query<{ route: string; job: string }[]>(
      `/api/v1/series?match[]=${encodeURIComponent('pluma_http_server_duration_seconds_count')}`,
    );
    const apiRoutes = series.filter((s) => s.job === 'pluma-api').map((s) => s.route);
    expect(apiRoutes).toContain('/v1/works/:id');
    expect(apiRoutes).toContain('/v1/auth/register');
    expect(apiRoutes.some((route) => route.includes('999999'))).toBe(false);
  }, 300_000);

  it('loads every alert rule of observability/prometheus/rules', async () => {
    const expected = (await alertRules(await ruleFiles())).map((r) => r.alert).sort();
    expect(expected.length).toBeGreaterThan(0);
    await vi.waitFor(
      async () => {
        const { groups } = await query<{ groups: { rules: { type: string; name: string }[] }[] }>(
          '/api/v1/rules',
        );
        const loaded = groups
          .flatMap((g) => g.rules)
          .filter((r) => r.type === 'alerting')
          .map((r) => r.name)
          .sort();
        expect(loaded).toEqual(expected);
      },
      { timeout: 60_000, interval: 500 },
    );
  });
});

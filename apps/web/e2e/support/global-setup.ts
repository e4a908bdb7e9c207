// Starts the whole platform once for the browser tests, exactly as `npm start` does
// (scripts/start.ts), on free ports and with a database, Redis prefix and bucket of its own.
// Tests get the origin with `inject('origin')`; the platform's output goes to a log file whose
// lines also tell the current pid of each app (`collab   | started (pid N)`).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
    stackLog: string;
    databaseUrl: string;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

let child: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  await mkdir(RESULTS, { recursive: true });
  // Unique per run even when a process id comes round again (rate-limit keys outlive a run).
  const run = `e2e${process.pid}${Date.now().toString(36).slice(-5)}`;
  const ports = {
    PORT: await freePort(),
    API_PORT: await freePort(),
    COLLAB_PORT: await freePort(),
    WORKERS_PORT: await freePort(),
    WEB_PORT: await freePort(),
    API_METRICS_PORT: await freePort(),
    COLLAB_METRICS_PORT: await freePort(),
    WORKERS_METRICS_PORT: await freePort(),
    WEB_METRICS_PORT: await freePort(),
  };
  const origin = `http://127.0.0.1:${ports.PORT}`;
  const databaseUrl = withDatabase(
    process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/pluma',
    `pluma_${run}`,
  );
  // One log per run: two runs on one machine (developers in parallel) must not mix pids.
  const stackLog = `${RESULTS}e2e-stack-${run}.log`;
  const log = createWriteStream(stackLog);
  child = spawn(process.execPath, ['scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      DATABASE_URL: databaseUrl,
      REDIS_PREFIX: `${run}:`,
      QUEUE_PREFIX: `${run}-bull`,
      SOCKET_IO_REDIS_KEY: `${run}-socket.io`,
      S3_BUCKET: `pluma-${run}`,
      PUBLIC_URL: origin,
      // As if behind one more proxy: each simulated person gets its own client address
      // (support/origin.ts), so per-address rate limits apply per person, not per suite.
      TRUSTED_PROXY_HOPS: '2',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL || 'warn',
      // As on a developer's machine: mail goes to the embedded catcher at /_dev/mail.
      SMTP_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (data: Buffer) => {
      output += data.toString();
      log.write(data);
    });
  }
  const exited = new Promise<number | null>((resolve) => child?.on('exit', resolve));
  const started = await Promise.race([
    new Promise<boolean>((resolve) => {
      const timer = setInterval(() => {
        if (output.includes('Pluma is running at')) {
          clearInterval(timer);
          resolve(true);
        }
      }, 250);
      exited.then(() => clearInterval(timer));
    }),
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 240_000).unref()),
  ]);
  if (!started) {
    child.kill('SIGKILL');
    throw new Error(`the platform did not start for the browser tests:\n${output.slice(-4000)}`);
  }
  project.provide('origin', origin);
  project.provide('stackLog', stackLog);
  project.provide('databaseUrl', databaseUrl);

  return async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    log.end();
    // The run's own database goes with it.
    const mysql = await import('mysql2/promise');
    const url = new URL(databaseUrl);
    const connection = await mysql.createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    await connection.query(`DROP DATABASE IF EXISTS \`pluma_${run}\``);
    await connection.end();
    // …and so do its Redis keys (rate limits, queues, socket.io), all under the run's prefixes.
    const { createClient } = await import('redis');
    const redis = createClient({ url: process.env.REDIS_URL || 'redis://127.0.0.1:6379' });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${run}*`, COUNT: 500 })) {
      if (keys.length > 0) await redis.del(keys);
    }
    await redis.quit();
  };
}

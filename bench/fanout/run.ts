// bench/fanout: one publication fanned out to N connected followers by Pluma (API node with the
// socket.io gateway on the Redis adapter + the workers process running notifications.fanout),
// against a bare socket.io server broadcasting the same payload to the same clients.
// `npm run bench:fanout -w bench [-- --followers 5000 --clients 4 --rounds 3]`
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { signAccessToken } from '@pluma/auth';
import { startEmbeddedS3, startMailCatcher } from '@pluma/devstack';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
const SECRET = 'bench-fanout-secret-0123456789abcdefghij';
const { values } = parseArgs({
  options: {
    followers: { type: 'string', default: '5000' },
    clients: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
  },
});
const FOLLOWERS = Number(values.followers);
const CLIENT_PROCS = Number(values.clients);
const ROUNDS = Number(values.rounds);
const baseDb = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/x');
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
const now = () => performance.timeOrigin + performance.now();

function track<T extends ChildProcess>(child: T): T {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

function nextMessage<T>(child: ChildProcess, type: string, timeoutMs = 120_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${type} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: { type: string; error?: string }) => {
      if (message.type === 'error') reject(new Error(message.error));
      if (message.type !== type && message.type !== 'error') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
  });
}

async function rssOf(pid: number | undefined): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** A port the OS just handed out: a random one could be an ephemeral port the 5,000 client sockets (or their TIME_WAIT) hold. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startApp(
  app: 'api' | 'workers',
  env: Record<string, string>,
  portVariable: string,
  port: number,
) {
  const child = track(
    spawn(process.execPath, [`${ROOT}apps/${app}/src/main.ts`], {
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'warn',
        ...env,
        [portVariable]: String(port),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with code ${child.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    if (Date.now() > deadline) throw new Error(`${app} not ready within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Connects every client process's share of sockets to `url`; `tokens` null means no auth (baseline). */
async function connectClients(clients: ChildProcess[], url: string, tokens: (string | null)[]) {
  const share = Math.ceil(tokens.length / clients.length);
  await Promise.all(
    clients.map((client, i) => {
      const done = nextMessage(client, 'connected');
      client.send({ type: 'connect', url, tokens: tokens.slice(i * share, (i + 1) * share) });
      return done;
    }),
  );
}

/** Waits until every client has one notification; returns the time of the last one. */
async function lastReceipt(clients: ChildProcess[]): Promise<number> {
  const reports = await Promise.all(
    clients.map((client) => nextMessage<{ last: number }>(client, 'received', 60_000)),
  );
  return Math.max(...reports.map((r) => r.last));
}

async function main() {
  const hex = randomBytes(4).toString('hex');
  const dbName = `pluma_bench_fanout_${hex}`;
  const prefix = `bench:fanout:${hex}:`;
  const workDir = await mkdtemp(join(tmpdir(), 'pluma-bench-fanout-'));
  const admin = await mysql.createConnection({
    host: baseDb.hostname,
    port: Number(baseDb.port || 3306),
    user: decodeURIComponent(baseDb.username) || 'root',
    password: decodeURIComponent(baseDb.password) || undefined,
  });
  await admin.query(
    `CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  const dbUrl = new URL(baseDb.toString());
  dbUrl.pathname = `/${dbName}`;
  const s3 = await startEmbeddedS3({
    port: 0,
    directory: join(workDir, 's3'),
    bucket: 'bench-fanout',
  });
  const mail = await startMailCatcher({ port: 0 });
  const common = {
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    QUEUE_PREFIX: `${prefix}bull`,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    S3_BUCKET: 'bench-fanout',
  };
  const clients: ChildProcess[] = [];
  try {
    const apiPort = await freePort();
    const api = await startApp('api', { ...common, JWT_SECRET: SECRET }, 'API_PORT', apiPort);
    const workers = await startApp(
      'workers',
      { ...common, SMTP_URL: mail.url, MAIL_FROM: 'Bench <bench@pluma.test>' },
      'WORKERS_PORT',
      await freePort(),
    );

    // Seed an author and N followers straight into MySQL (e-mail off: this measures live delivery).
    const db = await mysql.createConnection(dbUrl.toString());
    const insertUsers = async (from: number, count: number) => {
      const rows = Array.from(
        { length: count },
        (_, i) =>
          `('b${from + i}@bench.test','b${from + i}','Bench ${from + i}','!',NOW(),0,0,NOW(),NOW())`,
      );
      await db.query(
        `INSERT INTO users (email,handle,display_name,password_hash,email_verified_at,email_on_new_follower,email_on_new_publication,created_at,updated_at) VALUES ${rows.join(',')}`,
      );
    };
    for (let i = 0; i <= FOLLOWERS; i += 1000)
      await insertUsers(i, Math.min(1000, FOLLOWERS + 1 - i));
    const [[author]] = (await db.query("SELECT id FROM users WHERE handle = 'b0'")) as unknown as [
      [{ id: number }],
    ];
    await db.query(
      `INSERT INTO follows (follower_id, followee_id, created_at) SELECT id, ${author.id}, NOW() FROM users WHERE id <> ${author.id}`,
    );
    const [followerRows] = (await db.query(
      `SELECT id FROM users WHERE id <> ${author.id} ORDER BY id`,
    )) as unknown as [{ id: number }[]];
    const tokens = await Promise.all(
      followerRows.map(async (row) => (await signAccessToken(SECRET, row.id, 3600)).token),
    );
    const authorToken = (await signAccessToken(SECRET, author.id, 3600)).token;
    await db.end();

    const baseline = track(
      fork(`${HERE}baseline-server.ts`, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    const baselinePort = (await nextMessage<{ port: number }>(baseline, 'listening')).port;
    for (let i = 0; i < CLIENT_PROCS; i += 1) {
      const client = track(
        fork(`${HERE}client.ts`, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
      );
      await nextMessage(client, 'ready');
      clients.push(client);
    }

    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`http://127.0.0.1:${apiPort}/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${authorToken}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: number };
    };

    const runs: {
      system: string;
      round: number;
      ms: number;
      perSecond: number;
      serverRss: number;
      requestMs?: number;
    }[] = [];
    const samplePayload = {
      id: 'x'.repeat(22),
      type: 'work.published',
      payload: {
        work: { id: 1, title: 'Bench work 0' },
        author: { handle: 'b0', displayName: 'Bench 0' },
      },
      createdAt: new Date().toISOString(),
      readAt: null,
    };
    for (let round = 1; round <= ROUNDS; round += 1) {
      // Baseline: the same clients on a bare server, one broadcast.
      await connectClients(
        clients,
        `http://127.0.0.1:${baselinePort}`,
        tokens.map(() => null),
      );
      let receipts = lastReceipt(clients);
      let t0 = now();
      baseline.send({ type: 'broadcast', payload: samplePayload });
      let ms = (await receipts) - t0;
      runs.push({
        system: 'bare socket.io broadcast',
        round,
        ms,
        perSecond: (FOLLOWERS / ms) * 1000,
        serverRss: (await rssOf(baseline.pid)).rss,
      });

      // Pluma: the same clients signed in on the API node; the author publishes a new work.
      await connectClients(clients, `http://127.0.0.1:${apiPort}`, tokens);
      const work = await call('POST', '/works', { title: `Bench work ${round}` });
      await call('POST', `/works/${work.id}/pages`, { title: 'Only page' });
      receipts = lastReceipt(clients);
      t0 = now();
      await call('POST', `/works/${work.id}/publish`);
      const requestMs = now() - t0;
      ms = (await receipts) - t0;
      runs.push({
        system: 'Pluma publish -> fan-out',
        round,
        ms,
        perSecond: (FOLLOWERS / ms) * 1000,
        serverRss: (await rssOf(api.pid)).rss,
        requestMs,
      });
    }
    const apiMem = await rssOf(api.pid);
    const workersMem = await rssOf(workers.pid);

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const summary = ['bare socket.io broadcast', 'Pluma publish -> fan-out'].map((system) => {
      const mine = runs.filter((r) => r.system === system);
      return {
        system,
        medianMs: median(mine.map((r) => r.ms)),
        medianPerSecond: median(mine.map((r) => r.perSecond)),
        serverRssMiB: median(mine.map((r) => r.serverRss)) / 2 ** 20,
      };
    });
    const ratio = (summary[1]?.medianPerSecond ?? 0) / (summary[0]?.medianPerSecond ?? 1);
    console.log(
      `\nbench/fanout: ${FOLLOWERS} connected followers over ${CLIENT_PROCS} client processes, ${ROUNDS} rounds (median)\n`,
    );
    console.log('| system | time to last delivery | deliveries/s | server RSS |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const s of summary)
      console.log(
        `| ${s.system} | ${s.medianMs.toFixed(1)} ms | ${Math.round(s.medianPerSecond).toLocaleString('en')} | ${s.serverRssMiB.toFixed(0)} MiB |`,
      );
    const requestMs = median(
      runs.filter((r) => r.requestMs !== undefined).map((r) => r.requestMs ?? 0),
    );
    console.log(
      `\nPluma / baseline rate: ${ratio.toFixed(2)}x (goal >= 0.7x); publish request ${requestMs.toFixed(1)} ms; API peak RSS ${(apiMem.peak / 2 ** 20).toFixed(0)} MiB, workers peak RSS ${(workersMem.peak / 2 ** 20).toFixed(0)} MiB`,
    );
    const resultsDir = join(ROOT, 'bench/results');
    await mkdir(resultsDir, { recursive: true });
    const file = join(resultsDir, `fanout-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFile(
      file,
      JSON.stringify(
        {
          followers: FOLLOWERS,
          clientProcesses: CLIENT_PROCS,
          rounds: ROUNDS,
          runs,
          summary,
          ratio,
          publishRequestMs: requestMs,
          apiRss: apiMem,
          workersRss: workersMem,
        },
        null,
        2,
      ),
    );
    console.log(`results: ${file}`);
    for (const client of clients) client.send({ type: 'close' });
  } finally {
    for (const child of live) child.kill('SIGTERM');
    await mail.stop();
    await s3.stop();
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
    await rm(workDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

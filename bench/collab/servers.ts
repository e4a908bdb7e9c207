import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sleep } from './clock.ts';
import { track } from './processes.ts';

export type ServerKind = 'pluma' | 'stock';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PLUMA_MAIN = fileURLToPath(new URL('../../apps/collab/src/main.ts', import.meta.url));
const STOCK_MAIN = fileURLToPath(new URL('./stock-server.ts', import.meta.url));

export interface ServerEnv {
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  redisPrefix: string;
}

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  port: number;
  /** WebSocket URL clients connect to. */
  url: string;
  child: ChildProcess;
  /** Ms from spawn until the port accepted connections. */
  startMs: number;
  /** SIGTERM (graceful: Pluma compacts, stock stores) or SIGKILL; resolves when it exited. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** The last lines the server printed (warnings, errors). */
  output(): string[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts a collab server process: (a) Pluma's apps/collab or (b) the stock baseline. */
export async function startServer(kind: ServerKind, env: ServerEnv): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [kind === 'pluma' ? PLUMA_MAIN : STOCK_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      JWT_SECRET: env.jwtSecret,
      COLLAB_PORT: String(port),
      COLLAB_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MIGRATE_ON_START: 'true',
      // Keys and channels of a bench's own (Pluma reads it; stock uses no Redis).
      REDIS_PREFIX: env.redisPrefix,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child, `${kind} server`);
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) tail.push(line);
    }
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitCode: string | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = String(signal ?? code);
      resolve();
    }),
  );

  const deadline = performance.now() + 90_000;
  while (!(await portOpen(port))) {
    if (exitCode !== null || performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `${kind} collab server did not start (${exitCode === null ? 'timeout' : `exit ${exitCode}`}); its last output:\n${tail.join('\n')}`,
      );
    }
    await sleep(50);
  }
  const startMs = performance.now() - started;

  return {
    kind,
    pid: child.pid as number,
    port,
    url: kind === 'pluma' ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`,
    child,
    startMs,
    output: () => [...tail],
    async stop(signal = 'SIGTERM') {
      if (exitCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

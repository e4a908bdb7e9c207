// `npm start`: runs the whole platform on one origin (default http://localhost:8080).
// Finds or starts MySQL/MariaDB, Redis, S3 and SMTP, builds, migrates, starts the four apps
// and a gateway in front of them; Ctrl-C stops everything it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createGateway, MissingServiceError } from '@pluma/devstack';
import { ROOT, loadDotEnv, startLocalStack, type LocalStack } from './lib/local-stack.ts';

interface AppSpec {
  name: 'api' | 'collab' | 'workers' | 'web';
  portVar: string;
  port: number;
  /** Where the app serves Prometheus metrics (never on the public origin). */
  metricsPort: number;
}

/** An app that crashes more often than this within RESTART_WINDOW_MS stops the platform. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

const NODE = process.execPath;

function fail(message: string): never {
  process.stderr.write(`\npluma: ${message}\n`);
  process.exit(1);
}

function portFrom(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`${variable} must be a port number between 1 and 65535.`);
  return port;
}

function prefixOutput(child: ChildProcess, name: string) {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(`${name.padEnd(8)}| ${line}\n`),
    );
  }
}

/** Runs a command to completion, showing its output only when it fails. */
function runStep(
  title: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  process.stdout.write(`• ${title}…\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(output.trim() || `${title} failed (exit ${code})`)),
    );
  });
}

async function waitReady(url: string, gaveUp: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('kept exiting during start-up');
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready after ${timeoutMs / 1000} s (${url})`);
}

async function main() {
  loadDotEnv();
  const publicPort = portFrom('PORT', 8080);
  const apps: AppSpec[] = [
    {
      name: 'api',
      portVar: 'API_PORT',
      port: portFrom('API_PORT', 3001),
      metricsPort: portFrom('API_METRICS_PORT', 9464),
    },
    {
      name: 'collab',
      portVar: 'COLLAB_PORT',
      port: portFrom('COLLAB_PORT', 3002),
      metricsPort: portFrom('COLLAB_METRICS_PORT', 9465),
    },
    {
      name: 'workers',
      portVar: 'WORKERS_PORT',
      port: portFrom('WORKERS_PORT', 3003),
      metricsPort: portFrom('WORKERS_METRICS_PORT', 9466),
    },
    {
      name: 'web',
      portVar: 'WEB_PORT',
      port: portFrom('WEB_PORT', 3000),
      metricsPort: portFrom('WEB_METRICS_PORT', 9467),
    },
  ];

  let stack: LocalStack;
  try {
    stack = await startLocalStack({ forTests: false });
  } catch (error) {
    fail(
      error instanceof MissingServiceError || error instanceof Error
        ? error.message
        : String(error),
    );
  }
  const children = new Map<AppSpec['name'], ChildProcess>();
  let stopping = false;
  const gatewayRef: { close?: () => Promise<void> } = {};

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\n• stopping Pluma…\n');
    await gatewayRef.close?.();
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
          }),
      ),
    );
    await stack.stop();
    process.stdout.write('• stopped\n');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  // A bug in the runner itself (say, the gateway) must not leave the four apps running unowned.
  process.on('uncaughtException', (error) => {
    process.stderr.write(`\npluma: ${error.stack ?? error.message}\n`);
    void stopAll(1);
  });

  const publicUrl = process.env.PUBLIC_URL || `http://localhost:${publicPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...stack.env,
    PUBLIC_URL: publicUrl,
    ...Object.fromEntries(apps.map((a) => [a.portVar, String(a.port)])),
  };

  try {
    // Migrations first: a wrong DATABASE_URL should fail before a build is spent.
    await runStep('applying database migrations', NODE, ['packages/db/src/cli/migrate.ts'], env);
    await runStep(
      'building the web app',
      'turbo',
      ['run', 'build', '--output-logs=errors-only'],
      env,
    );
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll(1);
    return;
  }

  // Like a process manager: an app that crashes is started again (its clients reconnect), unless
  // it keeps crashing, which stops the platform with its output above.
  const crashes = new Map<AppSpec['name'], number[]>();
  const startApp = (spec: AppSpec) => {
    const child = spawn(NODE, [`apps/${spec.name}/src/main.ts`], {
      cwd: ROOT,
      env: { ...env, MIGRATE_ON_START: 'false', METRICS_PORT: String(spec.metricsPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    prefixOutput(child, spec.name);
    process.stdout.write(`${spec.name.padEnd(8)}| started (pid ${child.pid})\n`);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      const recent = [...(crashes.get(spec.name) ?? []), now].filter(
        (at) => now - at < RESTART_WINDOW_MS,
      );
      crashes.set(spec.name, recent);
      const how = signal ?? `code ${code}`;
      if (recent.length > MAX_RESTARTS) {
        process.stderr.write(
          `\npluma: ${spec.name} exited (${how}) ${recent.length} times within a minute; stopping everything.\n`,
        );
        void stopAll(1);
        return;
      }
      process.stderr.write(`\npluma: ${spec.name} exited (${how}); starting it again.\n`);
      setTimeout(() => {
        if (!stopping) startApp(spec);
      }, 500);
    });
    children.set(spec.name, child);
  };
  for (const spec of apps) startApp(spec);

  try {
    await Promise.all(
      apps.map((spec) =>
        waitReady(`http://127.0.0.1:${spec.port}/readyz`, () => stopping, 180_000).catch(
          (error: Error) => {
            throw new Error(`${spec.name}: ${error.message}`);
          },
        ),
      ),
    );
  } catch (error) {
    if (!stopping) {
      process.stderr.write(`\npluma: ${error instanceof Error ? error.message : String(error)}\n`);
      await stopAll(1);
    }
    return;
  }

  const port = (name: AppSpec['name']) => apps.find((a) => a.name === name)!.port;
  const gateway = createGateway({
    api: `http://127.0.0.1:${port('api')}`,
    collab: `http://127.0.0.1:${port('collab')}`,
    web: `http://127.0.0.1:${port('web')}`,
    ...(stack.mail ? { mail: stack.mail.handleHttp } : {}),
  });
  await new Promise<void>((resolve) => {
    gateway.once('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(
        `\npluma: PORT: port ${publicPort} is ${error.code === 'EADDRINUSE' ? 'already in use' : `unusable (${error.code})`}; stop whatever uses it or set PORT to a free port.\n`,
      );
      void stopAll(1);
    });
    gateway.listen(publicPort, '127.0.0.1', () => resolve());
  });
  gatewayRef.close = () =>
    new Promise((resolve) => {
      gateway.close(() => resolve());
      gateway.closeAllConnections();
    });

  process.stdout.write(
    [
      '',
      `Pluma is running at ${publicUrl}`,
      `  web app        ${publicUrl}/`,
      `  API            ${publicUrl}/v1  (Swagger UI at ${publicUrl}/v1/docs)`,
      `  collab         ${publicUrl.replace(/^http/, 'ws')}/collab`,
      `  notifications  ${publicUrl}/socket.io`,
      ...(stack.mail ? [`  mail catcher   ${publicUrl}/_dev/mail`] : []),
      ...stack.describe().map((line) => `  ${line}`),
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

void main();

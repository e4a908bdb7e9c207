// The four Pluma apps as real processes (`node apps/<app>/src/main.ts`), wired to one test's own
// database, Redis prefixes, bucket and SMTP catcher, each serving /metrics on its own port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export type AppName = 'api' | 'collab' | 'workers' | 'web';

export interface AppProcess {
  name: AppName;
  metricsPort: number;
  /** The app's own port, from its "<app> listening" log line. */
  port: Promise<number>;
  stop(): Promise<void>;
}

/** A port the OS had free a moment ago (for an app whose port is only known by configuration). */
export function freePort(): Promise<number> {
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

const LISTENING: Record<AppName, string> = {
  api: 'api listening',
  collab: 'collab listening',
  workers: 'workers listening for probes',
  web: 'web listening',
};
const PORT_VARIABLE: Record<AppName, string> = {
  api: 'API_PORT',
  collab: 'COLLAB_PORT',
  workers: 'WORKERS_PORT',
  web: 'WEB_PORT',
};

export async function startApp(name: AppName, env: Record<string, string>): Promise<AppProcess> {
  const metricsPort = await freePort();
  const main = fileURLToPath(new URL(`../../apps/${name}/src/main.ts`, import.meta.url));
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'info',
      ...env,
      [PORT_VARIABLE[name]]: '0',
      METRICS_PORT: String(metricsPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      for (const line of stdout.split('\n')) {
        if (!line.includes(LISTENING[name])) continue;
        const parsed = JSON.parse(line) as { msg?: string; port?: number };
        if (parsed.msg === LISTENING[name] && typeof parsed.port === 'number') resolve(parsed.port);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then(() => reject(new Error(`${name} exited before listening: ${stderr}`)));
  });
  port.catch(() => undefined);
  return {
    name,
    metricsPort,
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

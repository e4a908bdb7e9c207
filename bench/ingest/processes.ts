import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface AppProcess {
  child: ChildProcess;
  port: number;
  /** Peak resident set size so far (VmHWM), in bytes. */
  peakRss(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `apps/<app>/src/main.ts` as its own process and waits until its /readyz answers ready. */
export async function startApp(
  app: 'api' | 'workers',
  env: Record<string, string>,
  portVariable: string,
): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [`${ROOT}apps/${app}/src/main.ts`], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env, [portVariable]: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => live.delete(child));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${app} exited with code ${child.exitCode} while starting`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${app} did not become ready within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    child,
    port,
    async peakRss() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      return Number(kb ?? 0) * 1024;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

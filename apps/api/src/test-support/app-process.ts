// A Pluma app as a real child process (`node apps/<app>/src/main.ts`), its JSON log lines kept so a
// test can find the port it bound and what it logged. Spawned, never imported: apps do not import
// each other.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type AppName = 'api' | 'collab' | 'workers' | 'web';

export interface AppProcess {
  /** Every JSON line the app wrote to stdout so far. */
  readonly logs: Record<string, unknown>[];
  /** The port of the first log line with message `msg` (e.g. `api listening`). */
  portOf(msg: string, timeoutMs?: number): Promise<number>;
  /** SIGTERM, then SIGKILL if it has not exited after 10 s; resolved when it has exited. */
  stop(): Promise<void>;
}

export function startAppProcess(app: AppName, env: Record<string, string>): AppProcess {
  const main = fileURLToPath(new URL(`../../../${app}/src/main.ts`, import.meta.url));
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    logs,
    portOf(msg, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const line = logs.find((entry) => entry.msg === msg);
          if (line && typeof line.port === 'number') return resolve(line.port);
          if (child.exitCode !== null || Date.now() - started > timeoutMs)
            return reject(
              new Error(
                `${app} did not log "${msg}"; stderr: ${stderr}; last lines: ${JSON.stringify(logs.slice(-5))}`,
              ),
            );
          setTimeout(check, 100);
        };
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

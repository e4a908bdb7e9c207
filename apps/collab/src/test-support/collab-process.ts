import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_JWT_SECRET, testRedisUrl } from '@pluma/testing';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface CollabProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Sends the signal and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
  output(): string;
}

/** Starts `node apps/collab/src/main.ts` as a real child process; resolves once it listens. */
export function startCollabProcess(env: {
  databaseUrl: string;
  redisPrefix: string;
}): Promise<CollabProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: env.redisPrefix,
      QUEUE_PREFIX: `${env.redisPrefix}bull`,
      JWT_SECRET: TEST_JWT_SECRET,
      COLLAB_PORT: '0',
      COLLAB_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MIGRATE_ON_START: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.includes('"collab listening"')) continue;
        const port = (JSON.parse(line) as { port: number }).port;
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => (output += more.toString()));
        resolve({
          child,
          port,
          url: `ws://127.0.0.1:${port}/collab`,
          output: () => output,
          async kill(signal) {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
        return;
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) =>
      reject(new Error(`collab exited during start-up (${signal ?? code}):\n${output}`)),
    );
  });
}

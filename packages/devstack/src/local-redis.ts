import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { findBinary } from './find-binary.ts';
import { MissingServiceError, type LocalService } from './local-mysql.ts';
import { startProcess } from './managed-process.ts';
import { isPortAnswering, waitForPort } from './port.ts';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** REDIS_URL when configured; else a Redis already on 127.0.0.1:6379; else redis-server from PATH with data under `dataDir`. */
export async function ensureRedis(
  configured: string | undefined,
  dataDir: string,
  port = 6379,
): Promise<LocalService> {
  if (configured) return { url: configured, source: 'configured' };
  const url = `redis://127.0.0.1:${port}`;
  if (await isPortAnswering('127.0.0.1', port)) return { url, source: 'running' };
  const redisServer = await findBinary(['redis-server', 'valkey-server']);
  if (!redisServer) {
    throw new MissingServiceError(
      `No Redis answers at 127.0.0.1:${port} and redis-server is not installed. Install it (Debian/Ubuntu: sudo apt-get install redis-server) or set REDIS_URL to a running server.`,
    );
  }
  await mkdir(dataDir, { recursive: true });
  const child = startProcess(
    redisServer,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dataDir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--daemonize',
      'no',
    ],
    join(dataDir, '..', 'redis.log'),
  );
  if (!(await waitForPort('127.0.0.1', port, 20_000))) {
    await child.stop();
    throw new MissingServiceError(
      `Started redis-server but it did not answer on 127.0.0.1:${port} within 20 s; see ${join(dataDir, '..', 'redis.log')}.`,
    );
  }
  return { url, process: child, source: 'started' };
}

import { mkdir, stat } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findBinary } from './find-binary.ts';
import { startProcess, type ManagedProcess } from './managed-process.ts';
import { isPortAnswering, waitForPort } from './port.ts';

const run = promisify(execFile);

export const DEFAULT_DATABASE_URL = 'mysql://root@127.0.0.1:3306/pluma';

export interface LocalService {
  url: string;
  /** Set when this call started the server; stop it on exit. */
  process?: ManagedProcess;
  /** How the server was found, for the start banner. */
  source: 'configured' | 'running' | 'started';
}

export class MissingServiceError extends Error {}

const isRoot = () => process.getuid?.() === 0;

/**
 * DATABASE_URL when configured; else a server already answering on 127.0.0.1:3306;
 * else a MariaDB/MySQL started from PATH with its data under `dataDir`.
 */
export async function ensureMysql(
  configured: string | undefined,
  dataDir: string,
  port = 3306,
): Promise<LocalService> {
  if (configured) return { url: configured, source: 'configured' };
  const url = `mysql://root@127.0.0.1:${port}/pluma`;
  if (await isPortAnswering('127.0.0.1', port)) return { url, source: 'running' };

  const mariadbd = await findBinary(['mariadbd']);
  const mysqld = mariadbd ?? (await findBinary(['mysqld']));
  if (!mysqld) {
    throw new MissingServiceError(
      `No MySQL/MariaDB answers at 127.0.0.1:${port} and none is installed. Install one (Debian/Ubuntu: sudo apt-get install mariadb-server) or set DATABASE_URL to a running server.`,
    );
  }
  await mkdir(dataDir, { recursive: true });
  const initialized = await stat(join(dataDir, 'mysql')).then(
    () => true,
    () => false,
  );
  const userArgs = isRoot() ? ['--user=root'] : [];
  if (!initialized) {
    const installer = mariadbd
      ? await findBinary(['mariadb-install-db', 'mysql_install_db'])
      : undefined;
    if (mariadbd && installer) {
      await run(installer, [
        '--no-defaults',
        `--datadir=${dataDir}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        ...userArgs,
      ]);
    } else {
      await run(mysqld, [
        '--no-defaults',
        '--initialize-insecure',
        `--datadir=${dataDir}`,
        ...userArgs,
      ]);
    }
  }
  const child = startProcess(
    mysqld,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(dataDir, 'mysqld.sock')}`,
      `--pid-file=${join(dataDir, 'mysqld.pid')}`,
      '--skip-name-resolve',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      ...userArgs,
    ],
    join(dataDir, '..', 'mysql.log'),
  );
  if (!(await waitForPort('127.0.0.1', port, 60_000))) {
    await child.stop();
    throw new MissingServiceError(
      `Started ${mysqld} but it did not answer on 127.0.0.1:${port} within 60 s; see ${join(dataDir, '..', 'mysql.log')}.`,
    );
  }
  return { url, process: child, source: 'started' };
}

// The running platform's processes, for tests that stop one the way a crash would.
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';

/** The pid of the app's current process (npm start prints one line per start). */
export async function currentPid(app: 'api' | 'collab' | 'workers' | 'web'): Promise<number> {
  const log = await readFile(inject('stackLog'), 'utf8');
  const pattern = new RegExp(`^${app}\\s*\\| started \\(pid (\\d+)\\)$`, 'gm');
  const pids = [...log.matchAll(pattern)].map((match) => Number(match[1]));
  const pid = pids.at(-1);
  if (pid === undefined) throw new Error(`no ${app} process in the platform's log`);
  return pid;
}

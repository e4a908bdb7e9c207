// `npm start` as a new user runs it: everything comes up behind one origin, each app is ready,
// and Ctrl-C (SIGINT) stops every process it started.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Pids of every process whose parent chain leads to `root`. */
function descendants(root: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  for (const line of out.trim().split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid === undefined || ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const result: number[] = [];
  const stack = [root];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      result.push(child);
      stack.push(child);
    }
  }
  return result;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  it('serves every app behind one origin and leaves nothing running after Ctrl-C', async () => {
    const ports = {
      PORT: await freePort(),
      API_PORT: await freePort(),
      COLLAB_PORT: await freePort(),
      WORKERS_PORT: await freePort(),
      WEB_PORT: await freePort(),
      API_METRICS_PORT: await freePort(),
      COLLAB_METRICS_PORT: await freePort(),
      WORKERS_METRICS_PORT: await freePort(),
      WEB_METRICS_PORT: await freePort(),
    };
    const child = spawn(process.execPath, ['scripts/start.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
        LOG_LEVEL: 'warn',
        PUBLIC_URL: '',
        // As on a developer's machine: no SMTP server configured, so the embedded catcher runs.
        SMTP_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      await vi.waitFor(() => expect(output).toContain('Pluma is running at'), {
        timeout: 150_000,
        interval: 500,
      });
      expect(output).toContain(`Pluma is running at http://localhost:${ports.PORT}`);

      const origin = `http://127.0.0.1:${ports.PORT}`;
      const ready = await fetch(`${origin}/v1/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', service: 'api' });
      for (const [name, port] of [
        ['collab', ports.COLLAB_PORT],
        ['workers', ports.WORKERS_PORT],
        ['web', ports.WEB_PORT],
      ] as const) {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        expect(res.status, `${name} /readyz`).toBe(200);
      }
      const home = await fetch(`${origin}/`);
      expect(await home.text()).toContain('<title>Pluma</title>');
      expect((await fetch(`${origin}/v1/docs`)).status).toBe(200);
      expect((await fetch(`${origin}/_dev/mail`)).status).toBe(200);

      const started = descendants(child.pid!);
      expect(started.length).toBeGreaterThanOrEqual(4);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      await vi.waitFor(() => expect(started.filter(alive)).toEqual([]), {
        timeout: 20_000,
        interval: 200,
      });
    } finally {
      // After a failed assertion, stop the platform the way a user would (Ctrl-C), so the apps it
      // started do not outlive the test; whatever is still there after that is killed.
      if (child.exitCode === null) {
        const leftovers = descendants(child.pid!);
        child.kill('SIGINT');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
        for (const pid of [child.pid!, ...leftovers]) {
          if (alive(pid)) process.kill(pid, 'SIGKILL');
        }
      }
    }
  }, 240_000);

  it('fails fast with a message naming DATABASE_URL when MySQL cannot be reached', async () => {
    const child = spawn(process.execPath, ['scripts/start.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: 'mysql://nobody@127.0.0.1:1/x',
        PORT: String(await freePort()),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL: cannot use MySQL at 127\.0\.0\.1:1\/x \(ECONNREFUSED\)/);
  }, 120_000);
});

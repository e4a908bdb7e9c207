// The "nothing answers, so start one from PATH" path of npm start/npm test, on spare ports so the
// machine's own servers stay untouched.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMysql } from './local-mysql.ts';
import { ensureRedis } from './local-redis.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('local services', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pluma-devstack-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('uses a configured URL as is', async () => {
    expect(await ensureMysql('mysql://app@db:3306/x', join(root, 'unused'))).toEqual({
      url: 'mysql://app@db:3306/x',
      source: 'configured',
    });
  });

  it('starts MariaDB/MySQL from PATH with its data in the given folder when nothing answers', async () => {
    const port = await freePort();
    const service = await ensureMysql(undefined, join(root, 'mysql'), port);
    try {
      expect(service.source).toBe('started');
      expect(service.url).toBe(`mysql://root@127.0.0.1:${port}/pluma`);
      const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
      const [rows] = await connection.query('SELECT @@datadir AS dir');
      expect((rows as { dir: string }[])[0]?.dir).toContain(join(root, 'mysql'));
      await connection.end();
      // A second call finds the running server instead of starting another.
      expect((await ensureMysql(undefined, join(root, 'mysql'), port)).source).toBe('running');
    } finally {
      await service.process?.stop();
    }
  }, 90_000);

  it('starts redis-server from PATH when nothing answers', async () => {
    const port = await freePort();
    const service = await ensureRedis(undefined, join(root, 'redis'), port);
    try {
      expect(service.source).toBe('started');
      const client = createClient({ url: service.url });
      await client.connect();
      expect(await client.ping()).toBe('PONG');
      await client.close();
    } finally {
      await service.process?.stop();
    }
  });
});

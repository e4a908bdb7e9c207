// The workers process as an operator runs it: ready when its dependencies answer, and a clean
// exit on SIGTERM.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTestDatabase,
  startMailCatcher,
  startTestS3,
  testRedisPrefix,
  testRedisUrl,
  type MailCatcher,
  type TestDatabase,
  type TestS3,
} from '@pluma/testing';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('workers process', () => {
  let db: TestDatabase;
  let s3: TestS3;
  let mail: MailCatcher;
  beforeAll(async () => {
    db = await createTestDatabase('workers');
    s3 = await startTestS3();
    mail = await startMailCatcher({ port: 0 });
  });
  afterAll(async () => {
    await mail?.stop();
    await s3?.stop();
    await db?.drop();
  });

  it('reports ready with MySQL, Redis, S3 and SMTP, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'silent',
        DATABASE_URL: db.url,
        REDIS_URL: testRedisUrl(),
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY: s3.accessKey,
        S3_SECRET_KEY: s3.secretKey,
        S3_BUCKET: s3.bucket,
        SMTP_URL: mail.url,
        MAIL_FROM: 'Pluma <no-reply@pluma.test>',
        WORKERS_PORT: String(port),
        QUEUE_PREFIX: testRedisPrefix('workers'),
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      await vi.waitFor(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/readyz`);
          expect(await res.json()).toMatchObject({
            status: 'ready',
            checks: { mysql: 'ok', redis: 'ok', s3: 'ok', smtp: 'ok' },
          });
        },
        { timeout: 20_000, interval: 200 },
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

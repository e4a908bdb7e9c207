// Start-up failures a user can fix: one line naming the variable, a non-zero exit, nothing left running.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_JWT_SECRET,
  startTestS3,
  testDatabaseBaseUrl,
  testRedisUrl,
  type TestS3,
} from '@pluma/testing';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

function startApi(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('api start-up', () => {
  let s3: TestS3;
  let base: Record<string, string>;
  beforeAll(async () => {
    s3 = await startTestS3();
    base = {
      DATABASE_URL: testDatabaseBaseUrl(),
      REDIS_URL: testRedisUrl(),
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: s3.bucket,
      JWT_SECRET: TEST_JWT_SECRET,
      API_PORT: '0',
      MIGRATE_ON_START: 'false',
    };
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('fails fast naming DATABASE_URL when MySQL cannot be reached', async () => {
    const { code, stderr } = await startApi({
      ...base,
      DATABASE_URL: 'mysql://nobody:pw123456@127.0.0.1:1/x',
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      /^api: DATABASE_URL: cannot use MySQL at 127\.0\.0\.1:1\/x \(ECONNREFUSED\)/,
    );
    expect(stderr).not.toContain('pw123456');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('fails fast naming REDIS_URL when Redis cannot be reached', async () => {
    const { code, stderr } = await startApi({ ...base, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/REDIS_URL: cannot reach Redis at 127\.0\.0\.1:1/);
  });

  it('names a missing variable', async () => {
    const { JWT_SECRET: _omit, ...rest } = base;
    const { code, stderr } = await startApi(rest);
    expect(code).toBe(1);
    expect(stderr).toContain('JWT_SECRET is required');
  });

  it('names API_PORT when the port is in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await startApi({ ...base, API_PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toContain(`API_PORT: port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});

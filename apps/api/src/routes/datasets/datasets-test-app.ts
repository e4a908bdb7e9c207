// Test support for the data set, upload and report routes: the real app on a database, Redis and S3
// of the test file's own, and the real workers process (started on demand) for the full path.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ApiConfigSchema, loadConfig } from '@pluma/config';
import { createJobProducer, type JobProducer } from '@pluma/queue';
import { connectRedis, type Redis } from '@pluma/runtime';
import { createObjectStore } from '@pluma/storage';
import { createLogger } from '@pluma/telemetry/logger';
import {
  TEST_JWT_SECRET,
  createTestDatabase,
  createTestUser,
  startMailCatcher,
  startTestS3,
  testRedisPrefix,
  testRedisUrl,
  type MailCatcher,
  type TestDatabase,
  type TestS3,
  type TestUser,
} from '@pluma/testing';
import { createApp, type App } from '../../app.ts';

// Started by path, as an operator would: apps never import each other.
type RequestBody = NonNullable<RequestInit['body']>;

const WORKERS_MAIN = fileURLToPath(new URL('../../../../workers/src/main.ts', import.meta.url));

export interface DatasetsTestApp {
  app: App;
  db: TestDatabase;
  s3: TestS3;
  jobs: JobProducer;
  user(): Promise<TestUser>;
  call(
    who: TestUser | undefined,
    method: string,
    path: string,
    init?: { body?: RequestBody | object; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Starts the workers process on this test's servers and queue prefix. */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export async function startDatasetsTestApp(
  label: string,
  overrides: { UPLOAD_MAX_BYTES?: string } = {},
): Promise<DatasetsTestApp> {
  const db = await createTestDatabase(label);
  const s3 = await startTestS3();
  const redis: Redis = await connectRedis(testRedisUrl());
  const redisPrefix = testRedisPrefix(label);
  const queuePrefix = `${redisPrefix}bull`;
  const config = loadConfig(ApiConfigSchema, {
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    S3_BUCKET: s3.bucket,
    JWT_SECRET: TEST_JWT_SECRET,
    QUEUE_PREFIX: queuePrefix,
    ...overrides,
  });
  const storage = createObjectStore({
    endpoint: s3.endpoint,
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    bucket: s3.bucket,
  });
  const jobs = createJobProducer({ redisUrl: testRedisUrl(), prefix: queuePrefix });
  const app = createApp({
    config,
    log: createLogger({ service: 'api', level: 'silent' }),
    orm: db.orm,
    redis,
    storage,
    jobs,
    redisPrefix,
  });
  let workers: ChildProcess | undefined;
  let mail: MailCatcher | undefined;
  return {
    app,
    db,
    s3,
    jobs,
    user: () => createTestUser(db.orm),
    call(who, method, path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (who) headers.authorization = `Bearer ${who.token}`;
      let body = init.body as RequestBody | undefined;
      if (
        init.body !== undefined &&
        !(
          typeof init.body === 'string' ||
          init.body instanceof Uint8Array ||
          init.body instanceof ReadableStream
        )
      ) {
        body = JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      const request: RequestInit & { duplex?: 'half' } = {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      };
      if (body instanceof ReadableStream) request.duplex = 'half';
      return Promise.resolve(app.request(path, request));
    },
    async startWorkers() {
      mail = await startMailCatcher({ port: 0 });
      workers = spawn(process.execPath, [WORKERS_MAIN], {
        env: {
          PATH: process.env.PATH ?? '',
          LOG_LEVEL: 'silent',
          DATABASE_URL: db.url,
          MIGRATE_ON_START: 'false',
          REDIS_URL: testRedisUrl(),
          QUEUE_PREFIX: queuePrefix,
          S3_ENDPOINT: s3.endpoint,
          S3_ACCESS_KEY: s3.accessKey,
          S3_SECRET_KEY: s3.secretKey,
          S3_BUCKET: s3.bucket,
          SMTP_URL: mail.url,
          MAIL_FROM: 'Pluma <no-reply@pluma.test>',
          WORKERS_PORT: '0',
        },
        stdio: 'ignore',
      });
    },
    async close() {
      if (workers && workers.exitCode === null) {
        const exited = new Promise((resolve) => workers?.once('exit', resolve));
        workers.kill('SIGTERM');
        await exited;
      }
      await mail?.stop();
      for (const queue of ['ingest', 'email'] as const)
        await jobs.queue(queue).obliterate({ force: true });
      await jobs.close();
      await redis.close();
      await s3.stop();
      await db.drop();
    },
  };
}

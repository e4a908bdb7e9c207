// Test support for the account routes: the API app wired to real servers, each test file with its
// own database, bucket, queue prefix and Redis key prefix. Imported by tests only.
import { ApiConfigSchema, loadConfig, type ApiConfig } from '@pluma/config';
import { createJobProducer, type JobProducer } from '@pluma/queue';
import { connectRedis, type Redis } from '@pluma/runtime';
import { createObjectStore } from '@pluma/storage';
import { createLogger } from '@pluma/telemetry/logger';
import {
  TEST_JWT_SECRET,
  createTestDatabase,
  startTestS3,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
  type TestS3,
} from '@pluma/testing';
import { createApp, type App } from '../../app.ts';

export interface AccountsTestApp {
  app: App;
  db: TestDatabase;
  s3: TestS3;
  redis: Redis;
  jobs: JobProducer;
  config: Readonly<ApiConfig>;
  /** QUEUE_PREFIX shared with a workers process started by the test. */
  queuePrefix: string;
  /** Prefix of the app's Redis keys and channels. */
  redisPrefix: string;
  /** Sends a JSON request to the app. */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  stop(): Promise<void>;
}

export const TEST_PUBLIC_URL = 'http://pluma.test:8080';

export async function startAccountsTestApp(
  label: string,
  env: Record<string, string> = {},
): Promise<AccountsTestApp> {
  const [db, s3, redis] = await Promise.all([
    createTestDatabase(label),
    startTestS3(),
    connectRedis(testRedisUrl()),
  ]);
  const queuePrefix = testRedisPrefix(`${label}-queue`);
  const config = loadConfig(ApiConfigSchema, {
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    S3_BUCKET: s3.bucket,
    JWT_SECRET: TEST_JWT_SECRET,
    PUBLIC_URL: TEST_PUBLIC_URL,
    QUEUE_PREFIX: queuePrefix,
    ...env,
  });
  const storage = createObjectStore({
    endpoint: s3.endpoint,
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    bucket: s3.bucket,
  });
  const jobs = createJobProducer({ redisUrl: config.REDIS_URL, prefix: queuePrefix });
  const log = createLogger({ service: 'api', level: 'silent' });
  const redisPrefix = testRedisPrefix(label);
  const app = createApp({ config, log, orm: db.orm, redis, storage, jobs, redisPrefix });
  return {
    app,
    db,
    s3,
    redis,
    jobs,
    config,
    queuePrefix,
    redisPrefix,
    call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.body !== undefined) headers['content-type'] ??= 'application/json';
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const body =
        options.body === undefined
          ? undefined
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body);
      return Promise.resolve(
        app.request(path, { method, headers, ...(body === undefined ? {} : { body }) }),
      );
    },
    async stop() {
      await jobs
        .queue('email')
        .obliterate({ force: true })
        .catch(() => undefined);
      await jobs.close();
      await redis.close();
      await s3.stop();
      await db.drop();
    },
  };
}

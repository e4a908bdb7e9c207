// Test support for the works, pages and reading routes: the real app on a database, Redis and S3
// of the test file's own, with helpers to call it as a given user.
import { ApiConfigSchema, loadConfig } from '@pluma/config';
import { createJobProducer } from '@pluma/queue';
import { connectRedis, type Redis } from '@pluma/runtime';
import { createObjectStore, type ObjectStore } from '@pluma/storage';
import { createLogger } from '@pluma/telemetry/logger';
import {
  TEST_JWT_SECRET,
  createTestDatabase,
  createTestUser,
  startTestS3,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
  type TestS3,
  type TestUser,
} from '@pluma/testing';
import { createApp, type App } from '../../app.ts';

export interface WorksTestApp {
  app: App;
  db: TestDatabase;
  s3: TestS3;
  redis: Redis;
  redisPrefix: string;
  storage: ObjectStore;
  user(handle?: string): Promise<TestUser>;
  /** Calls the app as `who` (a user, or undefined for anonymous); `body` objects are sent as JSON. */
  call(
    who: TestUser | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the API against real MySQL, Redis and S3, each of this test file's own. */
export async function startWorksTestApp(label: string): Promise<WorksTestApp> {
  const db = await createTestDatabase(label);
  const s3 = await startTestS3();
  const redis = await connectRedis(testRedisUrl());
  const redisPrefix = testRedisPrefix(label);
  const config = loadConfig(ApiConfigSchema, {
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    S3_BUCKET: s3.bucket,
    JWT_SECRET: TEST_JWT_SECRET,
  });
  const storage = createObjectStore({
    endpoint: s3.endpoint,
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    bucket: s3.bucket,
  });
  const jobs = createJobProducer({ redisUrl: testRedisUrl(), prefix: redisPrefix + 'bull' });
  const log = createLogger({ service: 'api', level: 'silent' });
  const app = createApp({ config, log, orm: db.orm, redis, storage, jobs, redisPrefix });
  return {
    app,
    db,
    s3,
    redis,
    redisPrefix,
    storage,
    user: (handle) => createTestUser(db.orm, handle ? { handle } : {}),
    call(who, method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      const all = init.headers as Record<string, string>;
      if (who) all.authorization = `Bearer ${who.token}`;
      if (body instanceof Uint8Array || typeof body === 'string') {
        init.body = body as RequestInit['body'];
      } else if (body !== undefined) {
        init.body = JSON.stringify(body);
        all['content-type'] ??= 'application/json';
      }
      return Promise.resolve(app.request(path, init));
    },
    async close() {
      await jobs.close();
      await redis.close();
      await s3.stop();
      await db.drop();
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiConfigSchema, loadConfig } from '@pluma/config';
import { createJobProducer, type JobProducer } from '@pluma/queue';
import { connectRedis, type Redis } from '@pluma/runtime';
import { createObjectStore } from '@pluma/storage';
import { createLogger } from '@pluma/telemetry/logger';
import {
  TEST_JWT_SECRET,
  createTestDatabase,
  testRedisPrefix,
  startTestS3,
  testRedisUrl,
  type TestDatabase,
  type TestS3,
} from '@pluma/testing';
import { createApp, type App } from './app.ts';

describe('api app', () => {
  let db: TestDatabase;
  let s3: TestS3;
  let redis: Redis;
  let app: App;
  let jobs: JobProducer;

  beforeAll(async () => {
    db = await createTestDatabase('api');
    s3 = await startTestS3();
    redis = await connectRedis(testRedisUrl());
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
    jobs = createJobProducer({ redisUrl: testRedisUrl(), prefix: testRedisPrefix('app') });
    app = createApp({
      config,
      log: createLogger({ service: 'api', level: 'silent' }),
      orm: db.orm,
      redis,
      storage,
      jobs,
    });
  });
  afterAll(async () => {
    await jobs?.close();
    await redis?.close();
    await s3?.stop();
    await db?.drop();
  });

  it('answers /v1/healthz and /healthz', async () => {
    for (const path of ['/healthz', '/v1/healthz']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
    }
  });

  it('is ready when MySQL, Redis and S3 answer', async () => {
    const res = await app.request('/v1/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ checks: { mysql: 'ok', redis: 'ok', s3: 'ok' } });
  });

  it('answers 503 naming S3 when the bucket is gone', async () => {
    await s3.client.removeBucket(s3.bucket);
    try {
      const res = await app.request('/v1/readyz');
      expect(res.status).toBe(503);
      const body = (await res.json()) as { checks: Record<string, string> };
      expect(body.checks.mysql).toBe('ok');
      expect(body.checks.s3).toMatch(/^unavailable/);
    } finally {
      await s3.client.makeBucket(s3.bucket);
    }
  });

  it('answers an unknown route with a problem document', async () => {
    const res = await app.request('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      status: 404,
      code: 'resource.not_found',
      title: 'Not found',
    });
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const spec = await app.request('/v1/openapi.json');
    expect(spec.status).toBe(200);
    expect(await spec.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'Pluma API' } });
    const docs = await app.request('/v1/docs');
    expect(await docs.text()).toContain('swagger-ui');
  });
});

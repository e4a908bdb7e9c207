// One user action, one trace, across processes: the browser's traceparent -> the API's server span
// -> the job's PRODUCER span -> the worker's CONSUMER span -> the e-mail it sends. The API and the
// workers run as real processes exporting OTLP/HTTP JSON to a real receiver in this test.
import { randomBytes } from 'node:crypto';
import { connectRedis } from '@pluma/runtime';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  TEST_JWT_SECRET,
  createTestDatabase,
  startMailCatcher,
  startTestS3,
  testRedisPrefix,
  testRedisUrl,
  type MailCatcher,
  type TestDatabase,
  type TestS3,
} from '@pluma/testing';
import { startAppProcess, type AppProcess } from '../test-support/app-process.ts';
import {
  startOtlpReceiver,
  type OtlpReceiver,
  type ReceivedSpan,
} from '../test-support/otlp-receiver.ts';

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

let db: TestDatabase | undefined;
let s3: TestS3 | undefined;
let mail: MailCatcher | undefined;
let receiver: OtlpReceiver | undefined;
const apps: AppProcess[] = [];
let apiUrl = '';
const redisPrefixes = [testRedisPrefix('trace'), testRedisPrefix('trace-queue')];

/** Removes every Redis key the apps wrote under this test's prefixes (queues included). */
async function deleteRedisKeys(prefixes: string[]): Promise<void> {
  const redis = await connectRedis(testRedisUrl());
  try {
    for (const prefix of prefixes)
      for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
        if (keys.length > 0) await redis.del(keys);
  } finally {
    await redis.close();
  }
}

beforeAll(async () => {
  [db, s3, mail, receiver] = await Promise.all([
    createTestDatabase('trace'),
    startTestS3(),
    startMailCatcher({ port: 0 }),
    startOtlpReceiver(),
  ]);
  const env = {
    LOG_LEVEL: 'info',
    DATABASE_URL: db.url,
    MIGRATE_ON_START: 'false',
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: redisPrefixes[0]!,
    QUEUE_PREFIX: redisPrefixes[1]!,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    S3_BUCKET: s3.bucket,
    SMTP_URL: mail.url,
    MAIL_FROM: 'Pluma <no-reply@pluma.test>',
    JWT_SECRET: TEST_JWT_SECRET,
    PUBLIC_URL: 'http://pluma.test:8080',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
  };
  const api = startAppProcess('api', { ...env, API_PORT: '0' });
  const workers = startAppProcess('workers', { ...env, WORKERS_PORT: '0' });
  apps.push(api, workers);
  const [apiPort] = await Promise.all([
    api.portOf('api listening'),
    workers.portOf('workers listening for probes'),
  ]);
  apiUrl = `http://127.0.0.1:${apiPort}`;
}, 180_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await Promise.all([
    db?.drop(),
    s3?.stop(),
    mail?.stop(),
    receiver?.stop(),
    deleteRedisKeys(redisPrefixes),
  ]);
}, 60_000);

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function inTrace(traceId: string): ReceivedSpan[] {
  return (receiver?.spans ?? []).filter((span) => span.traceId === traceId);
}

describe('trace context across processes', () => {
  it('continues the browser trace through the API, the queue and the worker that sends the mail', async () => {
    // What the browser sends with a click: its own trace and span id.
    const traceId = hex(16);
    const browserSpanId = hex(8);
    const handle = `traced_${hex(3)}`;
    const response = await fetch(`${apiUrl}/v1/auth/register`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${browserSpanId}-01`,
      },
      body: JSON.stringify({
        email: `${handle}@example.test`,
        password: 'correct horse battery staple',
        displayName: 'Traced Writer',
        handle,
      }),
    });
    expect(response.status).toBe(201);
    await mail!.waitFor((m) => m.to.includes(`${handle}@example.test`), 60_000);

    let server: ReceivedSpan | undefined;
    let producer: ReceivedSpan | undefined;
    let consumer: ReceivedSpan | undefined;
    let send: ReceivedSpan | undefined;
    await vi.waitFor(
      () => {
        const spans = inTrace(traceId);
        server = spans.find((s) => s.service === 'pluma-api' && s.kind === SERVER);
        producer = spans.find((s) => s.kind === PRODUCER && s.name === 'send email.send');
        consumer = spans.find((s) => s.kind === CONSUMER && s.name === 'process email.send');
        send = spans.find((s) => s.name === 'email send');
        expect(server && producer && consumer && send).toBeTruthy();
      },
      { timeout: 60_000, interval: 250 },
    );

    // The API's server span continues the browser's span and is named by its route template.
    expect(server).toMatchObject({
      parentSpanId: browserSpanId,
      name: 'POST /v1/auth/register',
      attributes: { 'http.route': '/v1/auth/register' },
    });
    // The job was sent from inside the request and processed by the workers as its child.
    expect(producer).toMatchObject({
      service: 'pluma-api',
      attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': 'email' },
    });
    expect(consumer).toMatchObject({
      service: 'pluma-workers',
      parentSpanId: producer!.spanId,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.destination.name': 'email',
        'messaging.message.id': producer!.attributes['messaging.message.id'],
      },
    });
    expect(send).toMatchObject({ kind: CLIENT, parentSpanId: consumer!.spanId });
    // No address on the span: the recipient is personal data.
    expect(JSON.stringify(send!.attributes)).not.toContain('example.test');

    // The request's own work is in the same trace: its SQL (mysql2) and its Redis commands.
    const apiSpans = inTrace(traceId).filter((s) => s.service === 'pluma-api');
    expect(
      apiSpans.some((s) =>
        /mysql/i.test(String(s.attributes['db.system.name'] ?? s.attributes['db.system'])),
      ),
    ).toBe(true);
    expect(
      apiSpans.some((s) =>
        /redis/i.test(String(s.attributes['db.system.name'] ?? s.attributes['db.system'])),
      ),
    ).toBe(true);

    // The worker's log lines about this job carry the request's trace id.
    const workers = apps[1]!;
    const sent = workers.logs.find(
      (line) => line.msg === 'email sent' && line.trace_id === traceId,
    );
    expect(sent).toBeDefined();
  });
});

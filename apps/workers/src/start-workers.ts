import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createTransport } from 'nodemailer';
import type { WorkersConfig } from '@pluma/config';
import { assertDatabaseReachable, createOrm, pingDatabase } from '@pluma/db';
import {
  closeServer,
  connectRedis,
  createHealthRoutes,
  createShutdown,
  listen,
} from '@pluma/runtime';
import { createObjectStore } from '@pluma/storage';
import { httpServerMetrics } from '@pluma/telemetry/http-metrics';
import { createLogger } from '@pluma/telemetry/logger';
import type { Telemetry } from '@pluma/telemetry/node';
import { createJobProducer } from '@pluma/queue';
import { createCsvIngestWorker } from './jobs/csv-ingest/csv-ingest.worker.ts';
import { createEmailWorker } from './jobs/email/email.worker.ts';
import { createNotifier } from '@pluma/notify';
import { createFanoutWorker } from './jobs/notifications-fanout/notifications-fanout.worker.ts';
import { createNotifierIngestEvents } from './notifications/notifier-ingest-events.ts';
import { createSentimentWorker } from './jobs/sentiment/sentiment.worker.ts';
import { createSearchIndexWorker } from './jobs/search-index/search-index.worker.ts';
import { observeQueueDepth } from './telemetry/queue-depth-metrics.ts';

/** Starts the background tier: its dependencies, its processors, and a health server for probes. */
export async function startWorkers(
  config: Readonly<WorkersConfig>,
  telemetry: Pick<Telemetry, 'shutdown' | 'metricsPort'>,
) {
  const log = createLogger({ service: 'workers', level: config.LOG_LEVEL });
  const shutdown = createShutdown(log);
  shutdown.exitOnSignals();
  shutdown.add('flush telemetry', () => telemetry.shutdown(), 'telemetry');
  if (telemetry.metricsPort !== undefined)
    log.info({ port: telemetry.metricsPort, host: config.WORKERS_HOST }, 'metrics listening');
  try {
    const orm = await createOrm({
      url: config.DATABASE_URL,
      readUrl: config.DATABASE_READ_URL,
      poolMax: config.DATABASE_POOL_MAX,
    });
    shutdown.add('close orm', () => orm.close());
    await assertDatabaseReachable(orm, config.DATABASE_URL);
    const redis = await connectRedis(config.REDIS_URL);
    shutdown.add('close redis', () => redis.close());
    const storage = createObjectStore({
      endpoint: config.S3_ENDPOINT,
      accessKey: config.S3_ACCESS_KEY,
      secretKey: config.S3_SECRET_KEY,
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
    });
    const mailer = createTransport({ url: config.SMTP_URL, pool: true });
    shutdown.add('close mailer', () => mailer.close());

    const queue = {
      redisUrl: config.REDIS_URL,
      prefix: config.QUEUE_PREFIX,
      concurrency: config.WORKERS_CONCURRENCY,
    };
    const emailWorker = createEmailWorker(
      { mailer, from: config.MAIL_FROM, publicUrl: config.PUBLIC_URL, log },
      queue,
    );
    // Closing waits for the jobs in progress, so it drains before the mailer and clients close.
    shutdown.add('close email worker', () => emailWorker.close(), 'drain');
    // Results go out on the collab nodes' channel (REDIS_PREFIX + collab:sentiment).
    const sentimentWorker = createSentimentWorker(
      { orm, redis, channelPrefix: config.REDIS_PREFIX, log },
      queue,
    );
    shutdown.add('close sentiment worker', () => sentimentWorker.close(), 'drain');
    const searchIndexWorker = createSearchIndexWorker({ orm, log }, queue);
    shutdown.add('close search index worker', () => searchIndexWorker.close(), 'drain');

    // CSV ingestion enqueues its result e-mail and tells the uploader live (upload.progress, upload.done).
    const jobs = createJobProducer({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX });
    shutdown.add('close job producer', () => jobs.close());
    shutdown.add('stop observing queue depth', observeQueueDepth(jobs, log), 'drain');
    // Stores notifications and emits them through the API nodes' socket.io Redis adapter.
    const notifier = createNotifier(redis, config.REDIS_PREFIX + config.SOCKET_IO_REDIS_KEY);
    const fanoutWorker = createFanoutWorker({ orm, notifier, jobs, log }, queue);
    shutdown.add('close notifications worker', () => fanoutWorker.close(), 'drain');
    const ingestWorker = createCsvIngestWorker(
      {
        orm,
        storage,
        log,
        jobs,
        events: createNotifierIngestEvents({ orm, notifier, log }),
        parallel: config.INGEST_PARALLEL_BATCHES,
      },
      {
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        concurrency: Math.min(2, config.WORKERS_CONCURRENCY),
        lockMs: config.INGEST_LOCK_MS,
      },
    );
    shutdown.add('close csv ingest worker', () => ingestWorker.close(), 'drain');

    const health = createHealthRoutes('workers', {
      mysql: () => pingDatabase(orm),
      redis: () => redis.ping(),
      s3: () => storage.ping(),
      smtp: () => mailer.verify(),
    });
    // Probes are the workers' only HTTP; they are measured like every app's routes.
    const probes = new Hono().use(httpServerMetrics()).route('/', health);
    const server = createServer(getRequestListener(probes.fetch));
    const port = await listen(server, config.WORKERS_PORT, config.WORKERS_HOST, 'WORKERS_PORT');
    shutdown.add('stop health server', () => closeServer(server), 'intake');
    log.info({ port }, 'workers listening for probes');
  } catch (error) {
    await shutdown.run('start-up failed');
    throw error;
  }
}

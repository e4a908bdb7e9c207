import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { ApiConfig } from '@pluma/config';
import { assertDatabaseReachable, createOrm, migrate } from '@pluma/db';
import { createJobProducer } from '@pluma/queue';
import { closeServer, connectRedis, createShutdown, listen } from '@pluma/runtime';
import { createObjectStore, ensureBucket } from '@pluma/storage';
import { createLogger } from '@pluma/telemetry/logger';
import type { Telemetry } from '@pluma/telemetry/node';
import { createApp } from './app.ts';
import { attachRealtimeGateway } from './realtime/realtime-gateway.ts';

/** Builds the API's dependencies, checks each is reachable, then serves until a signal. */
export async function startApi(
  config: Readonly<ApiConfig>,
  telemetry: Pick<Telemetry, 'shutdown' | 'metricsPort'>,
) {
  const log = createLogger({ service: 'api', level: config.LOG_LEVEL });
  const shutdown = createShutdown(log);
  shutdown.exitOnSignals();
  shutdown.add('flush telemetry', () => telemetry.shutdown(), 'telemetry');
  if (telemetry.metricsPort !== undefined)
    log.info({ port: telemetry.metricsPort, host: config.API_HOST }, 'metrics listening');
  try {
    const orm = await createOrm({
      url: config.DATABASE_URL,
      readUrl: config.DATABASE_READ_URL,
      poolMax: config.DATABASE_POOL_MAX,
    });
    shutdown.add('close orm', () => orm.close());
    if (config.MIGRATE_ON_START) await migrate(orm, config.DATABASE_URL);
    else await assertDatabaseReachable(orm, config.DATABASE_URL);
    const redis = await connectRedis(config.REDIS_URL);
    shutdown.add('close redis', () => redis.close());
    const storage = createObjectStore({
      endpoint: config.S3_ENDPOINT,
      accessKey: config.S3_ACCESS_KEY,
      secretKey: config.S3_SECRET_KEY,
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
    });
    await ensureBucket(storage, config.S3_ENDPOINT, config.S3_REGION);

    const jobs = createJobProducer({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX });
    shutdown.add('close job producer', () => jobs.close());

    // REDIS_PREFIX scopes rate-limit keys and the revocation channel, like collab's and the workers' keys.
    const redisPrefix = config.REDIS_PREFIX;
    const app = createApp({ config, log, orm, redis, storage, jobs, redisPrefix });
    const server = createServer(getRequestListener(app.fetch));
    const realtime = await attachRealtimeGateway(server, {
      config,
      log,
      orm,
      redis,
      storage,
      jobs,
      redisPrefix,
    });
    shutdown.add('close realtime gateway', () => realtime.close());
    const port = await listen(server, config.API_PORT, config.API_HOST, 'API_PORT');
    log.info({ port, host: config.API_HOST }, 'api listening');

    shutdown.add('stop accepting requests', () => closeServer(server), 'intake');
    // Added last, so it runs first: open sockets would otherwise keep the server from closing.
    shutdown.add('disconnect sockets', () => realtime.io.local.disconnectSockets(true), 'intake');
  } catch (error) {
    await shutdown.run('start-up failed');
    throw error;
  }
}

import { assertDatabaseReachable, createOrm, migrate } from '@pluma/db';
import { createJobProducer, enqueueSentimentScore } from '@pluma/queue';
import { connectRedis, createShutdown } from '@pluma/runtime';
import { createLogger } from '@pluma/telemetry/logger';
import type { CollabConfig } from '@pluma/config';
import { createCollabServer } from './server.ts';

/** Builds collab's dependencies, checks each is reachable, then serves until a signal. */
export async function startCollab(
  config: Readonly<CollabConfig>,
  telemetry: { shutdown(): Promise<void> },
) {
  const log = createLogger({ service: 'collab', level: config.LOG_LEVEL });
  const shutdown = createShutdown(log, { timeoutMs: 20_000 });
  shutdown.exitOnSignals();
  shutdown.add('flush telemetry', () => telemetry.shutdown(), 'telemetry');
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
    const producer = createJobProducer({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX });
    shutdown.add('close job producer', () => producer.close());

    const server = await createCollabServer(
      {
        log,
        orm,
        redis,
        redisUrl: config.REDIS_URL,
        redisPrefix: config.REDIS_PREFIX,
        jwtSecret: config.JWT_SECRET,
        jobs: { enqueueSentimentScore: (pageId) => enqueueSentimentScore(producer, pageId) },
      },
      {
        maxMessageBytes: config.COLLAB_MAX_MESSAGE_BYTES,
        maxConnectionsPerDocument: config.COLLAB_MAX_CONNECTIONS_PER_DOCUMENT,
      },
    );
    shutdown.add('stop accepting connections', () => server.stopAccepting(), 'intake');
    shutdown.add('close sockets, unload and compact documents', () => server.close(), 'drain');
    const port = await server.listen(config.COLLAB_PORT, config.COLLAB_HOST);
    log.info({ port, host: config.COLLAB_HOST, node: server.nodeId }, 'collab listening');
  } catch (error) {
    await shutdown.run('start-up failed');
    throw error;
  }
}

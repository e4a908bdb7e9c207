import { Worker } from 'bullmq';
import { QUEUE_NAMES, processTraced } from '@pluma/queue';
import { createFanoutHandler, type FanoutHandlerDeps } from './notifications-fanout.handler.ts';

export interface FanoutWorkerOptions {
  redisUrl: string;
  /** BullMQ key prefix (QUEUE_PREFIX), the same the producers use. */
  prefix: string;
  concurrency: number;
}

/** A BullMQ worker processing the notifications queue; close it to stop taking jobs and finish the running ones. */
export function createFanoutWorker(deps: FanoutHandlerDeps, options: FanoutWorkerOptions): Worker {
  const worker = new Worker(
    QUEUE_NAMES.notifications,
    processTraced(QUEUE_NAMES.notifications, createFanoutHandler(deps)),
    {
      // Workers block on Redis; BullMQ requires unlimited retries per request for that connection.
      connection: { url: options.redisUrl, maxRetriesPerRequest: null },
      prefix: options.prefix,
      concurrency: options.concurrency,
    },
  );
  worker.on('error', (error) => deps.log.error({ err: error }, 'notifications worker error'));
  worker.on('failed', (job, error) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1))
      deps.log.error({ jobId: job.id, reason: error.message }, 'fan-out job gave up');
  });
  return worker;
}

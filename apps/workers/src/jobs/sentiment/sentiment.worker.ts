import { Worker } from 'bullmq';
import { QUEUE_NAMES, processTraced } from '@pluma/queue';
import { createSentimentHandler, type SentimentHandlerDeps } from './sentiment.handler.ts';

export interface SentimentWorkerOptions {
  redisUrl: string;
  /** BullMQ key prefix (QUEUE_PREFIX), the same the producers use. */
  prefix: string;
  concurrency: number;
}

/** A BullMQ worker processing the sentiment queue; close it to stop taking jobs and finish the running ones. */
export function createSentimentWorker(
  deps: SentimentHandlerDeps,
  options: SentimentWorkerOptions,
): Worker {
  const worker = new Worker(
    QUEUE_NAMES.sentiment,
    processTraced(QUEUE_NAMES.sentiment, createSentimentHandler(deps)),
    {
      // Workers block on Redis; BullMQ requires unlimited retries per request for that connection.
      connection: { url: options.redisUrl, maxRetriesPerRequest: null },
      prefix: options.prefix,
      concurrency: options.concurrency,
    },
  );
  worker.on('error', (error) => deps.log.error({ err: error }, 'sentiment worker error'));
  worker.on('failed', (job, error) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1))
      deps.log.error({ jobId: job.id, reason: error.message }, 'sentiment job gave up');
  });
  return worker;
}

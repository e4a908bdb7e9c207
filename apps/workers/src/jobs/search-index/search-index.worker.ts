import { Worker } from 'bullmq';
import { QUEUE_NAMES, processTraced } from '@pluma/queue';
import { createSearchIndexHandler, type SearchIndexHandlerDeps } from './search-index.handler.ts';

export interface SearchIndexWorkerOptions {
  redisUrl: string;
  /** BullMQ key prefix (QUEUE_PREFIX), the same the producers use. */
  prefix: string;
  concurrency: number;
}

/** A BullMQ worker processing the search queue; close it to stop taking jobs and finish the running ones. */
export function createSearchIndexWorker(
  deps: SearchIndexHandlerDeps,
  options: SearchIndexWorkerOptions,
): Worker {
  const worker = new Worker(
    QUEUE_NAMES.search,
    processTraced(QUEUE_NAMES.search, createSearchIndexHandler(deps)),
    {
      // Workers block on Redis; BullMQ requires unlimited retries per request for that connection.
      connection: { url: options.redisUrl, maxRetriesPerRequest: null },
      prefix: options.prefix,
      concurrency: options.concurrency,
    },
  );
  worker.on('error', (error) => deps.log.error({ err: error }, 'search index worker error'));
  worker.on('failed', (job, error) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1))
      deps.log.error({ jobId: job.id, reason: error.message }, 'search index job gave up');
  });
  return worker;
}

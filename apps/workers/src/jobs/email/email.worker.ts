import { Worker } from 'bullmq';
import { QUEUE_NAMES, processTraced } from '@pluma/queue';
import { createEmailHandler, type EmailHandlerDeps } from './email.handler.ts';

export interface EmailWorkerOptions {
  redisUrl: string;
  /** BullMQ key prefix (QUEUE_PREFIX), the same the producers use. */
  prefix: string;
  concurrency: number;
}

/** A BullMQ worker processing the email queue; close it to stop taking jobs and finish the running ones. */
export function createEmailWorker(deps: EmailHandlerDeps, options: EmailWorkerOptions): Worker {
  const worker = new Worker(
    QUEUE_NAMES.email,
    processTraced(QUEUE_NAMES.email, createEmailHandler(deps)),
    {
      // Workers block on Redis; BullMQ requires unlimited retries per request for that connection.
      connection: { url: options.redisUrl, maxRetriesPerRequest: null },
      prefix: options.prefix,
      concurrency: options.concurrency,
    },
  );
  worker.on('error', (error) => deps.log.error({ err: error }, 'email worker error'));
  worker.on('failed', (job, error) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1))
      deps.log.error({ jobId: job.id, reason: error.message }, 'email job gave up');
  });
  return worker;
}

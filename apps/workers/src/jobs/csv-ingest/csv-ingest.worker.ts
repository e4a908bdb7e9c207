import { Worker } from 'bullmq';
import { QUEUE_NAMES, processTraced } from '@pluma/queue';
import { createCsvIngestHandler, type CsvIngestDeps } from './csv-ingest.handler.ts';

export interface CsvIngestWorkerOptions {
  redisUrl: string;
  /** BullMQ key prefix (QUEUE_PREFIX), the same the producers use. */
  prefix: string;
  /** Uploads ingested at once by this process. */
  concurrency: number;
  /** After this long without a lock renewal (a dead worker) the job is taken up again (INGEST_LOCK_MS). */
  lockMs: number;
}

/** A BullMQ worker processing the ingest queue; close it to stop taking jobs and finish the running ones. */
export function createCsvIngestWorker(
  deps: CsvIngestDeps,
  options: CsvIngestWorkerOptions,
): Worker {
  const worker = new Worker(
    QUEUE_NAMES.ingest,
    processTraced(QUEUE_NAMES.ingest, createCsvIngestHandler(deps)),
    {
      connection: { url: options.redisUrl, maxRetriesPerRequest: null },
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      // A job resumes from its checkpoint, so being picked up again after a crash is safe.
      maxStalledCount: 3,
    },
  );
  worker.on('error', (error) => deps.log.error({ err: error }, 'csv ingest worker error'));
  return worker;
}

import type { Readable } from 'node:stream';
import { trace, type Counter } from '@opentelemetry/api';
import { UnrecoverableError, type Job } from 'bullmq';
import {
  Upload,
  findCommittedBatches,
  findDataset,
  loadReferences,
  sumCommittedBatches,
  writeDatasetBatch,
  type BatchTotals,
  type MikroORM,
  type References,
  type UploadStatus,
} from '@pluma/db';
import { CsvIngestJobSchema, type JobProducer } from '@pluma/queue';
import type { ObjectStore } from '@pluma/storage';
import type { Logger } from '@pluma/telemetry/logger';
import { ingestCsv, type PreparedBatch } from './ingest-csv.ts';
import { IngestFailure } from './ingest-failure.ts';
import { ingestRowsCounter } from '../../telemetry/ingest-metrics.ts';
import type { IngestEvents, UploadEvent } from './ingest-events.ts';

export interface CsvIngestDeps {
  orm: MikroORM;
  storage: ObjectStore;
  log: Logger;
  events: IngestEvents;
  /** Producer for the result e-mail (`email.send`). */
  jobs: JobProducer;
  /** Batches written at once per job (INGEST_PARALLEL_BATCHES). */
  parallel: number;
}

const NO_REFERENCES: References = { departments: new Set(), jobs: new Set() };
const PROGRESS_EVERY_MS = 500;

/** Processor of `csv.ingest`: streams the upload from S3 into its data set, resuming after the last committed batch. */
export function createCsvIngestHandler(deps: CsvIngestDeps) {
  const rows = ingestRowsCounter();
  return async (job: Job): Promise<BatchTotals> => {
    const parsed = CsvIngestJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('csv.ingest payload is invalid');
    const { uploadId } = parsed.data;
    // The job's CONSUMER span (processTraced, continuing the uploading request's trace) is active.
    trace.getActiveSpan()?.setAttribute('pluma.upload_id', uploadId);
    return ingestUpload(deps, job, uploadId, rows);
  };
}

async function ingestUpload(
  deps: CsvIngestDeps,
  job: Job,
  uploadId: number,
  rows: Counter,
): Promise<BatchTotals> {
  const log = deps.log.child({ jobId: job.id, uploadId, attempt: job.attemptsMade + 1 });
  const em = deps.orm.em.fork();
  const upload = await em.findOne(Upload, uploadId, { populate: ['owner'] });
  if (!upload) throw new UnrecoverableError(`upload ${uploadId} does not exist`);
  if (upload.status === 'succeeded' || upload.status === 'failed')
    return sumCommittedBatches(em, uploadId);
  const dataset = findDataset(upload.dataset);
  if (!dataset) throw new UnrecoverableError(`upload ${uploadId} names an unknown data set`);

  upload.status = 'processing';
  upload.startedAt ??= new Date();
  await em.flush();

  const committed = await findCommittedBatches(em, uploadId);
  const counts = await sumCommittedBatches(em, uploadId);
  const refs = dataset.needsReferences ? await loadReferences(em) : NO_REFERENCES;
  const size = upload.sizeBytes ?? 0;
  log.info(
    { dataset: dataset.name, size, resumedBatches: committed.size },
    'csv ingestion started',
  );

  const event = (status: UploadStatus, progress: number, reason?: string): UploadEvent => ({
    uploadId,
    userId: upload.owner.id,
    status,
    progress,
    rowsRead: counts.rowsRead,
    rowsInserted: counts.rowsInserted,
    rowsRejected: counts.rowsRejected,
    ...(reason === undefined ? {} : { reason }),
  });

  // Progress: the uploads row, the BullMQ job and the live hook, at most every PROGRESS_EVERY_MS.
  let lastReport = 0;
  let reporting: Promise<unknown> = Promise.resolve();
  const report = (endByte: number) => {
    const now = Date.now();
    if (now - lastReport < PROGRESS_EVERY_MS) return;
    lastReport = now;
    const progress = size > 0 ? Math.min(99, Math.floor((endByte * 100) / size)) : 0;
    const { rowsRead, rowsInserted, rowsRejected } = counts;
    reporting = reporting
      .then(() =>
        deps.orm.em
          .fork()
          .nativeUpdate(
            Upload,
            { id: uploadId },
            { progress, rowsRead, rowsInserted, rowsRejected },
          ),
      )
      .then(() => job.updateProgress(progress))
      .then(() => deps.events.progress(event('processing', progress)))
      .catch((error: unknown) => log.warn({ err: error }, 'progress update failed'));
  };

  const finish = async (status: 'succeeded' | 'failed', reason?: string) => {
    await reporting;
    Object.assign(counts, await sumCommittedBatches(deps.orm.em.fork(), uploadId));
    const { rowsRead, rowsInserted, rowsRejected } = counts;
    const progress = status === 'succeeded' ? 100 : upload.progress;
    await deps.orm.em.fork().nativeUpdate(
      Upload,
      { id: uploadId },
      {
        status,
        progress,
        rowsRead,
        rowsInserted,
        rowsRejected,
        failureReason: reason ?? null,
        finishedAt: new Date(),
      },
    );
    if (status === 'succeeded') await job.updateProgress(100);
    deps.events.done(event(status, progress, reason));
    await deps.jobs.enqueue(
      'email.send',
      {
        kind: 'ingestion-result',
        to: upload.owner.email,
        displayName: upload.owner.displayName,
        uploadId,
        dataset: dataset.name,
        status,
        rowsRead,
        rowsInserted,
        rowsRejected,
        ...(reason === undefined ? {} : { reason: reason.slice(0, 2000) }),
      },
      // One mail per upload, however often the job is retried.
      {
        jobId: `ingestion-result-${uploadId}`,
        removeOnComplete: true,
        removeOnFail: { age: 24 * 3600 },
      },
    );
    log.info({ status, rowsRead, rowsInserted, rowsRejected, reason }, 'csv ingestion finished');
  };

  let source: Readable;
  try {
    source = await deps.storage.client.getObject(deps.storage.bucket, upload.objectKey);
  } catch (error) {
    if ((error as { code?: string }).code === 'NoSuchKey') {
      await finish('failed', 'The uploaded file is no longer stored; upload it again.');
      throw new UnrecoverableError('uploaded object is missing');
    }
    throw error;
  }

  try {
    await ingestCsv({
      source,
      dataset,
      refs,
      committed,
      parallel: deps.parallel,
      write: (batch: PreparedBatch) =>
        writeDatasetBatch(deps.orm.em.fork(), dataset, {
          tuples: batch.tuples,
          rejections: batch.rejections,
          checkpoint: {
            uploadId,
            batchNo: batch.batchNo,
            firstLine: batch.firstLine,
            lastLine: batch.lastLine,
            endByte: batch.endByte,
            rowsRead: batch.rowsRead,
          },
        }),
      onStored: (batch, written) => {
        if (written) {
          counts.rowsRead += batch.rowsRead;
          counts.rowsInserted += batch.tuples.length;
          counts.rowsRejected += batch.rejections.length;
          // Counted once: a batch a retry finds already committed is not written again.
          rows.add(batch.tuples.length, { outcome: 'accepted' });
          rows.add(batch.rejections.length, { outcome: 'rejected' });
        }
        report(batch.endByte);
      },
    });
  } catch (error) {
    source.destroy();
    if (error instanceof IngestFailure) {
      await finish('failed', error.message);
      throw new UnrecoverableError(error.message);
    }
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade + 1 >= attempts) {
      await finish(
        'failed',
        `Ingestion stopped after ${attempts} attempts (${(error as Error).message}). Upload the file again to retry.`,
      );
    } else {
      log.warn({ err: error }, 'csv ingestion attempt failed; will retry');
    }
    throw error;
  }
  await finish('succeeded');
  return counts;
}

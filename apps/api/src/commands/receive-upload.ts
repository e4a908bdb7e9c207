import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/mysql';
import { Upload, type DatasetName } from '@pluma/db';
import { AppError } from '@pluma/errors';
import { enqueueCsvIngest, type JobProducer } from '@pluma/queue';
import type { ObjectStore } from '@pluma/storage';
import { storeUploadStream } from './store-upload-stream.ts';

export interface ReceiveUploadInput {
  ownerId: number;
  dataset: DatasetName;
  body: ReadableStream<Uint8Array> | null;
  /** Content-Length, when the client sent one. */
  declaredBytes: number | undefined;
  maxBytes: number;
}

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MiB`;
  return `${bytes} bytes`;
}

/**
 * Stores an uploaded CSV in S3 as it streams in (at most one multipart part in memory), records the
 * ingestion run and enqueues `csv.ingest`. A body over `maxBytes` is cut off and nothing is kept.
 */
export async function receiveUpload(
  em: EntityManager,
  storage: ObjectStore,
  jobs: JobProducer,
  input: ReceiveUploadInput,
): Promise<Upload> {
  const tooLarge = () =>
    new AppError(
      'request.too_large',
      `The file is larger than ${describeBytes(input.maxBytes)}, the most one upload may hold; split it into smaller files.`,
    );
  if (input.declaredBytes !== undefined && input.declaredBytes > input.maxBytes) throw tooLarge();
  if (!input.body) throw new AppError('request.invalid', 'Send the CSV file as the request body.');

  const upload = em.create(Upload, {
    owner: input.ownerId,
    dataset: input.dataset,
    status: 'receiving',
    objectKey: `uploads/${input.dataset}/${randomUUID()}.csv`,
  });
  await em.flush();

  const fail = async (reason: string) => {
    upload.status = 'failed';
    upload.failureReason = reason;
    upload.finishedAt = new Date();
    await em.flush();
  };

  let stored;
  try {
    stored = await storeUploadStream(storage, upload.objectKey, input.body, input.maxBytes);
  } catch (error) {
    await fail('The upload was interrupted before the whole file was stored; upload it again.');
    throw error;
  }
  if (stored.tooLarge) {
    const error = tooLarge();
    await fail(error.detail);
    throw error;
  }

  upload.sizeBytes = stored.bytes;
  upload.status = 'queued';
  upload.queuedAt = new Date();
  await em.flush();
  try {
    // The producer carries this request's trace context into the job (`_trace`).
    await enqueueCsvIngest(jobs, { uploadId: upload.id });
  } catch (error) {
    await fail('The file arrived but could not be queued for ingestion; upload it again.');
    throw new AppError(
      'dependency.unavailable',
      'The job queue is unavailable; try again shortly.',
      { cause: error },
    );
  }
  return upload;
}

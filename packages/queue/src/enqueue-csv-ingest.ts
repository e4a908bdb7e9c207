import type { CsvIngestJob } from './jobs.ts';
import type { JobProducer } from './job-producer.ts';

/**
 * Enqueues `csv.ingest` for an upload. The job id is derived from the upload, so enqueueing the same
 * upload twice (a retried request) runs it once.
 */
export function enqueueCsvIngest(
  producer: JobProducer,
  job: CsvIngestJob,
): Promise<string | undefined> {
  return producer.enqueue('csv.ingest', job, { jobId: `csv.ingest-${job.uploadId}` });
}

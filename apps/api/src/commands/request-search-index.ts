import { enqueueSearchIndex, type JobProducer, type SearchIndexJob } from '@pluma/queue';
import type { Logger } from '@pluma/telemetry/logger';

/**
 * Asks the workers to re-index a work or author after a change. Best effort: the change is made
 * whatever happens, and search visibility never waits for it (it is decided from the live tables).
 */
export async function requestSearchIndex(
  deps: { jobs: JobProducer; log: Logger },
  job: SearchIndexJob,
): Promise<void> {
  try {
    await enqueueSearchIndex(deps.jobs, job);
  } catch (error) {
    deps.log.error({ err: error, ...job }, 'search index job could not be queued');
  }
}

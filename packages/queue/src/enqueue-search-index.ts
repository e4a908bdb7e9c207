import type { SearchIndexJob } from './jobs.ts';
import type { JobProducer } from './job-producer.ts';

/**
 * Enqueues `search.index`, coalesced per target like `sentiment.score`: while one waits, more
 * requests are dropped (it reads the latest state anyway); while one runs, one follow-up is kept.
 */
export function enqueueSearchIndex(
  producer: JobProducer,
  job: SearchIndexJob,
): Promise<string | undefined> {
  return producer.enqueue('search.index', job, {
    deduplication: { id: `search.index:${job.target}:${job.id}`, keepLastIfActive: true },
  });
}

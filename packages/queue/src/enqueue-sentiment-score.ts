import type { JobProducer } from './job-producer.ts';

/**
 * Enqueues `sentiment.score` for a page, coalesced per page: while a job for the page
 * waits, further requests are dropped (it will read the latest text anyway); while one
 * runs, exactly one follow-up is kept so the final text is scored too.
 */
export function enqueueSentimentScore(
  producer: JobProducer,
  pageId: number,
): Promise<string | undefined> {
  return producer.enqueue(
    'sentiment.score',
    { pageId },
    { deduplication: { id: `sentiment.score:page:${pageId}`, keepLastIfActive: true } },
  );
}

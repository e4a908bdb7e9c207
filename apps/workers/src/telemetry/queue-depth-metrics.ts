import { metrics } from '@opentelemetry/api';
import { QUEUE_NAMES, type JobProducer } from '@pluma/queue';
import type { Logger } from '@pluma/telemetry/logger';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * `pluma_queue_jobs{queue,state}`: each queue's job counts, read from Redis (one round trip per
 * queue) when metrics are collected, i.e. on each scrape. Returns a function that stops it.
 */
export function observeQueueDepth(jobs: JobProducer, log: Logger): () => void {
  const gauge = metrics.getMeter('pluma-workers').createObservableGauge('pluma_queue_jobs', {
    description: 'Jobs in each queue by state (waiting, active, delayed, failed)',
  });
  const callback = async (result: {
    observe(value: number, attributes: Record<string, string>): void;
  }) => {
    await Promise.all(
      Object.values(QUEUE_NAMES).map(async (queue) => {
        try {
          const counts = await jobs.queue(queue).getJobCounts(...STATES);
          for (const state of STATES) result.observe(counts[state] ?? 0, { queue, state });
        } catch (error) {
          // Redis away: the series go stale for this scrape rather than read 0 (and /readyz says why).
          log.warn({ err: error, queue }, 'queue depth unavailable');
        }
      }),
    );
  };
  gauge.addCallback(callback);
  return () => gauge.removeCallback(callback);
}

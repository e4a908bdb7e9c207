import type { z } from 'zod';
import type { NotificationsFanoutJobSchema } from './jobs.ts';
import type { JobProducer } from './job-producer.ts';

/**
 * Enqueues `notifications.fanout` once per event: the job id is derived from `eventId`, so
 * announcing the same event twice queues one job.
 */
export function enqueueNotificationsFanout(
  producer: JobProducer,
  job: z.input<typeof NotificationsFanoutJobSchema>,
): Promise<string | undefined> {
  return producer.enqueue(
    'notifications.fanout',
    { pageIds: [], cursor: 0, ...job },
    { jobId: `fanout-${job.eventId}` },
  );
}

import type { EmailSendJob } from './jobs.ts';
import type { JobProducer } from './job-producer.ts';

/**
 * Enqueues `email.send`. The job is deleted from Redis as soon as it is sent, and a failed one
 * after a day, because a link-bearing payload holds a live token.
 */
export function enqueueEmail(
  producer: JobProducer,
  email: EmailSendJob,
): Promise<string | undefined> {
  return producer.enqueue('email.send', email, {
    removeOnComplete: true,
    removeOnFail: { age: 24 * 3600 },
  });
}

import { EmailSendJobSchema, JOBS, type EmailSendJob } from './jobs.ts';
import type { JobProducer } from './job-producer.ts';
import { sendTraced } from './job-telemetry.ts';

/** One mail of a batch and the job id that makes enqueueing it again a no-op. */
export interface BatchedEmail {
  jobId: string;
  email: EmailSendJob;
}

/**
 * Enqueues many `email.send` jobs in one round trip (a fan-out's recipients). Meant for kinds
 * without tokens (new follower, new publication): finished jobs are kept a day so their ids keep
 * deduplicating a retried fan-out.
 */
export async function enqueueEmailBatch(
  producer: JobProducer,
  emails: readonly BatchedEmail[],
): Promise<void> {
  if (emails.length === 0) return;
  const queue = JOBS['email.send'].queue;
  await sendTraced(queue, 'email.send', (withTrace) =>
    producer.queue(queue).addBulk(
      emails.map(({ jobId, email }) => ({
        name: 'email.send',
        data: withTrace(EmailSendJobSchema.parse(email)),
        opts: { jobId, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 24 * 3600 } },
      })),
    ),
  );
}

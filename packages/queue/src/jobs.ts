import { z } from 'zod';

/** Queue names: one BullMQ queue per family of jobs, shared by producers and workers. */
export const QUEUE_NAMES = {
  sentiment: 'sentiment',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** `sentiment.score`: score the sentences of a page after it stopped changing for a moment. */
export const SentimentScoreJobSchema = z.object({
  pageId: z.number().int().positive(),
});
export type SentimentScoreJob = z.infer<typeof SentimentScoreJobSchema>;

/** Every job: its dotted name, the queue it travels on and the schema of its payload. */
export const JOBS = {
  'sentiment.score': { queue: QUEUE_NAMES.sentiment, schema: SentimentScoreJobSchema },
} as const;
export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['schema']>;

import { z } from 'zod';

/** Queue names: one BullMQ queue per family of jobs, shared by producers and workers. */
export const QUEUE_NAMES = {
  sentiment: 'sentiment',
  email: 'email',
  ingest: 'ingest',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** `sentiment.score`: score the sentences of a page after it stopped changing for a moment. */
export const SentimentScoreJobSchema = z.object({
  pageId: z.number().int().positive(),
});
export type SentimentScoreJob = z.infer<typeof SentimentScoreJobSchema>;

const recipient = {
  /** The address the mail goes to. */
  to: z.email(),
  /** How the mail greets the recipient. */
  displayName: z.string().min(1).max(100),
};

/**
 * `email.send`: one e-mail, by kind. Link-bearing kinds carry the raw single-use token (the
 * database keeps only its hash), so e-mail jobs are removed from Redis once sent and the token
 * is never logged.
 */
export const EmailSendJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verification'), ...recipient, token: z.string().min(16).max(200) }),
  z.object({ kind: z.literal('password-reset'), ...recipient, token: z.string().min(16).max(200) }),
  z.object({
    kind: z.literal('ingestion-result'),
    ...recipient,
    uploadId: z.number().int().positive(),
    dataset: z.string().min(1).max(32),
    status: z.enum(['succeeded', 'failed']),
    rowsRead: z.number().int().min(0),
    rowsInserted: z.number().int().min(0),
    rowsRejected: z.number().int().min(0),
    /** Why a failed run failed, in words the uploader can act on. */
    reason: z.string().max(2000).optional(),
  }),
]);
export type EmailSendJob = z.infer<typeof EmailSendJobSchema>;
export type EmailKind = EmailSendJob['kind'];

/**
 * `csv.ingest`: ingest an uploaded CSV (already in S3) into its data set. `traceparent` is the W3C
 * trace context of the request that enqueued it, so the worker's span continues that trace.
 */
export const CsvIngestJobSchema = z.object({
  uploadId: z.number().int().positive(),
  traceparent: z.string().max(100).optional(),
});
export type CsvIngestJob = z.infer<typeof CsvIngestJobSchema>;

/** Every job: its dotted name, the queue it travels on and the schema of its payload. */
export const JOBS = {
  'sentiment.score': { queue: QUEUE_NAMES.sentiment, schema: SentimentScoreJobSchema },
  'email.send': { queue: QUEUE_NAMES.email, schema: EmailSendJobSchema },
  'csv.ingest': { queue: QUEUE_NAMES.ingest, schema: CsvIngestJobSchema },
} as const;
export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['schema']>;

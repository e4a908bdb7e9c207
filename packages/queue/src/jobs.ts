import { z } from 'zod';

/** Queue names: one BullMQ queue per family of jobs, shared by producers and workers. */
export const QUEUE_NAMES = {
  sentiment: 'sentiment',
  email: 'email',
  ingest: 'ingest',
  notifications: 'notifications',
  search: 'search',
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

/** What happened in a mentorship, as told to the other party (notification `mentorship.<event>` and e-mail). */
export const MENTORSHIP_EVENTS = [
  'requested',
  'accepted',
  'rejected',
  'cancelled',
  'completed',
  'withdrawn',
  'task_created',
  'task_updated',
  'task_completed',
  'task_deleted',
  'comment_created',
  'comment_updated',
  'comment_deleted',
] as const;
export type MentorshipEvent = (typeof MENTORSHIP_EVENTS)[number];

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
  z.object({
    kind: z.literal('new-follower'),
    ...recipient,
    followerHandle: z.string().min(1).max(64),
    followerName: z.string().min(1).max(100),
  }),
  z.object({
    kind: z.literal('new-publication'),
    ...recipient,
    authorName: z.string().min(1).max(100),
    workId: z.number().int().positive(),
    workTitle: z.string().min(1).max(200),
    /** Titles of the pages new in this publication (empty on a work's first publication). */
    pageTitles: z.array(z.string().max(200)).max(20).default([]),
  }),
  z.object({
    kind: z.literal('mentorship'),
    ...recipient,
    event: z.enum(MENTORSHIP_EVENTS),
    mentorshipId: z.number().int().positive(),
    /** The other party, who did it. */
    actorHandle: z.string().min(1).max(64),
    actorName: z.string().min(1).max(100),
    /** The task the event is about, for task and comment events. */
    taskDescription: z.string().max(500).optional(),
  }),
]);
export type EmailSendJob = z.infer<typeof EmailSendJobSchema>;
export type EmailKind = EmailSendJob['kind'];

/**
 * `csv.ingest`: ingest an uploaded CSV (already in S3) into its data set. Trace context travels in
 * `_trace` (see job-telemetry.ts) like every job's; `traceparent` is where older jobs carried it.
 */
export const CsvIngestJobSchema = z.object({
  uploadId: z.number().int().positive(),
  traceparent: z.string().max(100).optional(),
});
export type CsvIngestJob = z.infer<typeof CsvIngestJobSchema>;

/**
 * `notifications.fanout`: tell every follower of a work's authors that it was published (first
 * time: `work.published`) or gained pages (`page.published`). `eventId` is the notification id all
 * recipients share, fixed by the producer so a retried job stores nothing twice; `cursor` is the
 * last follower id done, saved by the worker after each batch so a retry resumes there.
 */
export const NotificationsFanoutJobSchema = z.object({
  event: z.enum(['work.published', 'page.published']),
  eventId: z.string().min(8).max(64),
  /** Who published (the work's owner). */
  authorId: z.number().int().positive(),
  workId: z.number().int().positive(),
  /** Pages published for the first time (page.published). */
  pageIds: z.array(z.number().int().positive()).max(1000).default([]),
  /** When it was published (ISO 8601); the notification's time. */
  publishedAt: z.iso.datetime(),
  cursor: z.number().int().min(0).default(0),
  traceparent: z.string().max(100).optional(),
});
export type NotificationsFanoutJob = z.infer<typeof NotificationsFanoutJobSchema>;

/**
 * `search.index`: bring the search index up to date with a work (its title and description, and
 * the frozen text of its published pages; none once unpublished) and its owner, or with an author.
 * Reads the current state, so a retry or a late run stores the same rows.
 */
export const SearchIndexJobSchema = z.object({
  target: z.enum(['work', 'author']),
  id: z.number().int().positive(),
});
export type SearchIndexJob = z.infer<typeof SearchIndexJobSchema>;

/** Every job: its dotted name, the queue it travels on and the schema of its payload. */
export const JOBS = {
  'sentiment.score': { queue: QUEUE_NAMES.sentiment, schema: SentimentScoreJobSchema },
  'email.send': { queue: QUEUE_NAMES.email, schema: EmailSendJobSchema },
  'csv.ingest': { queue: QUEUE_NAMES.ingest, schema: CsvIngestJobSchema },
  'notifications.fanout': {
    queue: QUEUE_NAMES.notifications,
    schema: NotificationsFanoutJobSchema,
  },
  'search.index': { queue: QUEUE_NAMES.search, schema: SearchIndexJobSchema },
} as const;
export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['schema']>;

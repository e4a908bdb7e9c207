export {
  CsvIngestJobSchema,
  EmailSendJobSchema,
  JOBS,
  MENTORSHIP_EVENTS,
  NotificationsFanoutJobSchema,
  QUEUE_NAMES,
  SentimentScoreJobSchema,
} from './jobs.ts';
export type {
  CsvIngestJob,
  EmailKind,
  EmailSendJob,
  JobName,
  JobPayload,
  MentorshipEvent,
  NotificationsFanoutJob,
  QueueName,
  SentimentScoreJob,
} from './jobs.ts';
export { createJobProducer } from './job-producer.ts';
export type { JobProducer, JobProducerOptions } from './job-producer.ts';
export { enqueueSentimentScore } from './enqueue-sentiment-score.ts';
export { enqueueEmail } from './enqueue-email.ts';
export {
  WORK_ACCESS_CHANNEL,
  WorkAccessChangedSchema,
  publishWorkAccessChanged,
} from './work-access-channel.ts';
export type { Publisher, WorkAccessChanged } from './work-access-channel.ts';
export { enqueueCsvIngest } from './enqueue-csv-ingest.ts';
export {
  PageSentimentScoredSchema,
  SENTIMENT_CHANNEL,
  ScoredSentenceSchema,
  publishPageSentiment,
} from './sentiment-channel.ts';
export type { PageSentimentScored } from './sentiment-channel.ts';
export { enqueueNotificationsFanout } from './enqueue-notifications-fanout.ts';
export { enqueueEmailBatch } from './enqueue-email-batch.ts';
export type { BatchedEmail } from './enqueue-email-batch.ts';
export { SearchIndexJobSchema } from './jobs.ts';
export type { SearchIndexJob } from './jobs.ts';
export { enqueueSearchIndex } from './enqueue-search-index.ts';
export { processTraced, sendTraced } from './job-telemetry.ts';
export type { JobTraceCarrier } from './job-telemetry.ts';

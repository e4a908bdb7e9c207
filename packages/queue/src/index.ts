export { CsvIngestJobSchema, EmailSendJobSchema, JOBS, QUEUE_NAMES, SentimentScoreJobSchema } from './jobs.ts';
export type { CsvIngestJob, EmailKind, EmailSendJob, JobName, JobPayload, QueueName, SentimentScoreJob } from './jobs.ts';
export { createJobProducer } from './job-producer.ts';
export type { JobProducer, JobProducerOptions } from './job-producer.ts';
export { enqueueSentimentScore } from './enqueue-sentiment-score.ts';
export { enqueueEmail } from './enqueue-email.ts';
export { WORK_ACCESS_CHANNEL, WorkAccessChangedSchema, publishWorkAccessChanged } from './work-access-channel.ts';
export type { Publisher, WorkAccessChanged } from './work-access-channel.ts';
export { enqueueCsvIngest } from './enqueue-csv-ingest.ts';

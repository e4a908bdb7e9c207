export { createOrm, createOrmOptions, parseDatabaseUrl } from './orm.ts';
export type { DbOptions, MikroORM } from './orm.ts';
export { migrate } from './migrate.ts';
export { assertDatabaseReachable, pingDatabase } from './check-database.ts';
export { toDatabaseStartupError } from './connect-error.ts';
export { entities } from './entities/index.ts';
export { User } from './entities/user.entity.ts';
export { Work } from './entities/work.entity.ts';
export { WorkCollaborator, WORK_ROLES } from './entities/work-collaborator.entity.ts';
export type { WorkRole } from './entities/work-collaborator.entity.ts';
export { Page } from './entities/page.entity.ts';
export { Genre } from './entities/genre.entity.ts';
export { PublishedPage } from './entities/published-page.entity.ts';
export { ReadingProgress } from './entities/reading-progress.entity.ts';
export { YjsUpdate } from './entities/yjs-update.entity.ts';
export { YjsDocument } from './entities/yjs-document.entity.ts';
export { YjsVersion } from './entities/yjs-version.entity.ts';
export { Session } from './entities/session.entity.ts';
export { EmailToken, EMAIL_TOKEN_PURPOSES } from './entities/email-token.entity.ts';
export type { EmailTokenPurpose } from './entities/email-token.entity.ts';
export { loadDocumentUpdates } from './yjs/load-document-updates.ts';
export { Department } from './entities/department.entity.ts';
export { Job } from './entities/job.entity.ts';
export { HiredEmployee } from './entities/hired-employee.entity.ts';
export { Upload, UPLOAD_STATUSES } from './entities/upload.entity.ts';
export type { UploadStatus } from './entities/upload.entity.ts';
export { UploadBatch } from './entities/upload-batch.entity.ts';
export { UploadRejection } from './entities/upload-rejection.entity.ts';
export {
  DATASETS,
  DATASET_NAMES,
  MAX_ID,
  MAX_NAME_LENGTH,
  duplicateIdReason,
  findDataset,
  toCsvLine,
} from './datasets/datasets.ts';
export type { CheckedRow, Dataset, DatasetName, References } from './datasets/datasets.ts';
export { IdSet } from './datasets/id-set.ts';
export { sqlString } from './datasets/sql-literal.ts';
export {
  findCommittedBatches,
  sumCommittedBatches,
  writeDatasetBatch,
} from './datasets/write-dataset-batch.ts';
export type {
  BatchCheckpoint,
  BatchTotals,
  DatasetBatch,
  Rejection,
} from './datasets/write-dataset-batch.ts';
export { loadReferences } from './datasets/load-references.ts';
export { Follow } from './entities/follow.entity.ts';
export { Notification } from './entities/notification.entity.ts';
export { SentenceSentiment, SENTIMENT_LABELS } from './entities/sentence-sentiment.entity.ts';
export type { SentimentLabel } from './entities/sentence-sentiment.entity.ts';
export { PageSentiment } from './entities/page-sentiment.entity.ts';
export type { ScoredSentence } from './entities/page-sentiment.entity.ts';
export { Mentorship, MENTORSHIP_STATES } from './entities/mentorship.entity.ts';
export type { MentorshipState } from './entities/mentorship.entity.ts';
export { MentorshipTask } from './entities/mentorship-task.entity.ts';
export { TaskComment } from './entities/task-comment.entity.ts';
export { SearchDocument, SEARCH_KINDS } from './entities/search-document.entity.ts';
export type { SearchKind } from './entities/search-document.entity.ts';
export {
  indexAuthorForSearch,
  indexWorkForSearch,
  refreshSearchVisibility,
} from './search/index-for-search.ts';
export type { SearchIndexOutcome } from './search/index-for-search.ts';

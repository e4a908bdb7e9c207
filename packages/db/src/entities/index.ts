import { Department } from './department.entity.ts';
import { EmailToken } from './email-token.entity.ts';
import { Follow } from './follow.entity.ts';
import { Genre } from './genre.entity.ts';
import { HiredEmployee } from './hired-employee.entity.ts';
import { Job } from './job.entity.ts';
import { Notification } from './notification.entity.ts';
import { Mentorship } from './mentorship.entity.ts';
import { MentorshipTask } from './mentorship-task.entity.ts';
import { TaskComment } from './task-comment.entity.ts';
import { Page } from './page.entity.ts';
import { PageSentiment } from './page-sentiment.entity.ts';
import { PublishedPage } from './published-page.entity.ts';
import { ReadingProgress } from './reading-progress.entity.ts';
import { SearchDocument } from './search-document.entity.ts';
import { SentenceSentiment } from './sentence-sentiment.entity.ts';
import { Session } from './session.entity.ts';
import { UploadBatch } from './upload-batch.entity.ts';
import { UploadRejection } from './upload-rejection.entity.ts';
import { Upload } from './upload.entity.ts';
import { User } from './user.entity.ts';
import { WorkCollaborator } from './work-collaborator.entity.ts';
import { Work } from './work.entity.ts';
import { YjsDocument } from './yjs-document.entity.ts';
import { YjsUpdate } from './yjs-update.entity.ts';
import { YjsVersion } from './yjs-version.entity.ts';

/** Every entity, listed explicitly (no folder discovery). */
export const entities = [
  User,
  Genre,
  Work,
  WorkCollaborator,
  Page,
  PublishedPage,
  ReadingProgress,
  YjsUpdate,
  YjsDocument,
  YjsVersion,
  Session,
  EmailToken,
  Department,
  Job,
  HiredEmployee,
  Upload,
  UploadBatch,
  UploadRejection,
  SentenceSentiment,
  PageSentiment,
  Follow,
  Notification,
  Mentorship,
  MentorshipTask,
  TaskComment,
  SearchDocument,
];

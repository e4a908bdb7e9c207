import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

export const UPLOAD_STATUSES = [
  'receiving',
  'queued',
  'processing',
  'succeeded',
  'failed',
] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];

/** One CSV ingestion run: the uploaded object in S3, its progress, counts and outcome. */
export const Upload = defineEntity({
  name: 'Upload',
  tableName: 'uploads',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    owner: () => p.manyToOne(User).deleteRule('cascade'),
    dataset: p.string().length(32),
    status: p.enum(UPLOAD_STATUSES).default('receiving'),
    objectKey: p.string().length(200),
    sizeBytes: p.bigint('number').nullable(),
    rowsRead: p.integer().default(0),
    rowsInserted: p.integer().default(0),
    rowsRejected: p.integer().default(0),
    progress: p.smallint().default(0),
    failureReason: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    queuedAt: p.datetime().nullable(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type Upload = InferEntity<typeof Upload>;

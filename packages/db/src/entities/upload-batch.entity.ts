import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Upload } from './upload.entity.ts';

/**
 * The checkpoint of an ingestion run: one row per committed batch, written in the same transaction
 * as the batch's rows, so a restarted job skips exactly the batches that are already in.
 */
export const UploadBatch = defineEntity({
  name: 'UploadBatch',
  tableName: 'upload_batches',
  properties: {
    upload: () => p.manyToOne(Upload).primary().deleteRule('cascade'),
    batchNo: p.integer().primary().autoincrement(false),
    firstLine: p.integer(),
    lastLine: p.integer(),
    endByte: p.bigint('number'),
    rowsRead: p.integer(),
    rowsInserted: p.integer(),
    rowsRejected: p.integer(),
    committedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type UploadBatch = InferEntity<typeof UploadBatch>;

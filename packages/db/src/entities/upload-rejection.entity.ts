import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Upload } from './upload.entity.ts';

/** A row of an uploaded CSV that was not inserted: its line number, why, and the row itself. */
export const UploadRejection = defineEntity({
  name: 'UploadRejection',
  tableName: 'upload_rejections',
  properties: {
    upload: () => p.manyToOne(Upload).primary().deleteRule('cascade'),
    line: p.integer().primary().autoincrement(false),
    reason: p.string().length(300),
    raw: p.text(),
  },
});
export type UploadRejection = InferEntity<typeof UploadRejection>;

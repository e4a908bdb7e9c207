import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The append-only log of a Yjs document: one row per acknowledged update, written before the
 * client is told it is saved. Compaction merges rows into YjsDocument and deletes them.
 */
export const YjsUpdate = defineEntity({
  name: 'YjsUpdate',
  tableName: 'yjs_update',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    documentName: p.string().length(100).index(),
    update: p.blob().columnType('longblob').$type<Buffer>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type YjsUpdate = InferEntity<typeof YjsUpdate>;

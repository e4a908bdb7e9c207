import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** The compacted state of a Yjs document; loading = this state + the log rows still in yjs_update. */
export const YjsDocument = defineEntity({
  name: 'YjsDocument',
  tableName: 'yjs_document',
  properties: {
    documentName: p.string().length(100).primary(),
    state: p.blob().columnType('longblob').$type<Buffer>(),
    /** Id of the last yjs_update row merged into `state`. */
    lastUpdateId: p.bigint('number').default(0),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type YjsDocument = InferEntity<typeof YjsDocument>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

/** A named version (snapshot) of a Yjs document, listed, viewed and restored from the editor. */
export const YjsVersion = defineEntity({
  name: 'YjsVersion',
  tableName: 'yjs_version',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    documentName: p.string().length(100),
    name: p.string().length(200),
    state: p.blob().columnType('longblob').$type<Buffer>().lazy(),
    createdBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ properties: ['documentName', 'createdAt'] }],
});
export type YjsVersion = InferEntity<typeof YjsVersion>;

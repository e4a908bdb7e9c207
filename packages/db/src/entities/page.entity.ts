import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Work } from './work.entity.ts';

/** One page of a work; its body is the Yjs document `page:<id>`. */
export const Page = defineEntity({
  name: 'Page',
  tableName: 'pages',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    work: () => p.manyToOne(Work).deleteRule('cascade'),
    title: p.string().length(200),
    position: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['work', 'position'] }],
});
export type Page = InferEntity<typeof Page>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Page } from './page.entity.ts';
import { User } from './user.entity.ts';
import { Work } from './work.entity.ts';

/** Where a reader is in a work: one row per (reader, work), moved forward or back as they read. */
export const ReadingProgress = defineEntity({
  name: 'ReadingProgress',
  tableName: 'readings',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    work: () => p.manyToOne(Work).deleteRule('cascade'),
    page: () => p.manyToOne(Page).deleteRule('cascade'),
    /** Character offset in the page's published text. */
    position: p.integer().unsigned(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['user', 'work'], name: 'readings_user_work_unique' }],
  indexes: [{ properties: ['user', 'updatedAt'] }],
});
export type ReadingProgress = InferEntity<typeof ReadingProgress>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

/** A book, notebook or essay: an ordered set of pages written by its collaborators. */
export const Work = defineEntity({
  name: 'Work',
  tableName: 'works',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    owner: () => p.manyToOne(User).deleteRule('cascade'),
    title: p.string().length(200),
    description: p.text().nullable(),
    publishedAt: p.datetime().nullable().index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type Work = InferEntity<typeof Work>;

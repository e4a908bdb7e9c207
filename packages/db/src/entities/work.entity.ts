import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Genre } from './genre.entity.ts';
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
    genre: () => p.manyToOne(Genre).nullable().deleteRule('set null'),
    /** S3 key of the cover image, presented as a short-lived presigned URL. */
    coverKey: p.string().length(300).nullable(),
    /** When the work was last published; null while it is a draft. */
    publishedAt: p.datetime().nullable().index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type Work = InferEntity<typeof Work>;

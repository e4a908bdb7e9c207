import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A genre a work can be filed under; a fixed list seeded by a migration. */
export const Genre = defineEntity({
  name: 'Genre',
  tableName: 'genres',
  properties: {
    id: p.integer().primary().autoincrement(),
    slug: p.string().length(40).unique(),
    name: p.string().length(80),
  },
});
export type Genre = InferEntity<typeof Genre>;

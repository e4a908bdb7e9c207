import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Page } from './page.entity.ts';
import { Work } from './work.entity.ts';

/**
 * What readers see of a page: its text frozen when the work was last published. Later edits
 * to the Yjs document stay invisible to readers until the next publish replaces these rows.
 */
export const PublishedPage = defineEntity({
  name: 'PublishedPage',
  tableName: 'published_pages',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    page: () => p.oneToOne(Page).owner().unique().deleteRule('cascade'),
    work: () => p.manyToOne(Work).deleteRule('cascade'),
    title: p.string().length(200),
    position: p.integer(),
    /** ProseMirror JSON of the page schema. */
    json: p.json<Record<string, unknown>>(),
    /** Sanitized HTML rendered from `json`. */
    html: p.text().columnType('mediumtext'),
    text: p.text().columnType('mediumtext'),
    publishedAt: p.datetime(),
  },
  indexes: [{ properties: ['work', 'position'] }],
});
export type PublishedPage = InferEntity<typeof PublishedPage>;

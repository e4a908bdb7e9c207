import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Page } from './page.entity.ts';
import { User } from './user.entity.ts';
import { Work } from './work.entity.ts';

export const SEARCH_KINDS = ['work', 'page', 'author'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Accent- and case-insensitive in MariaDB 10.11 and MySQL 8 alike, for FULLTEXT matching too. */
const FOLDING = 'utf8mb4_unicode_ci';

/**
 * One searchable thing: a work (title + description, drafts included), a published page (its
 * frozen text) or an author (name + handle). Who may see a row is decided at query time from
 * `works` and `work_collaborators` (`isPublic` only narrows the candidates), so unpublishing hides
 * a row before the `search.index` job has removed it. Rows go with their work, page or user (cascading keys).
 */
export const SearchDocument = defineEntity({
  name: 'SearchDocument',
  tableName: 'search_documents',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    /** `work:<id>`, `page:<id>` or `author:<id>`: what makes re-indexing an upsert. */
    refKey: p.string().length(40).unique(),
    kind: p.enum(SEARCH_KINDS),
    /** The work of a work or page row; null for authors. */
    work: () => p.manyToOne(Work).nullable().deleteRule('cascade'),
    page: () => p.manyToOne(Page).nullable().deleteRule('cascade'),
    /** The author of an author row. */
    user: () => p.manyToOne(User).nullable().deleteRule('cascade'),
    title: p.string().length(200).collation(FOLDING),
    body: p.text().columnType('mediumtext').collation(FOLDING),
    indexedAt: p.datetime(),
    /**
     * Whether anyone may see the row (published work or page, author with a published work). A
     * prefilter only, so FULLTEXT can rank public rows without joining: the query re-checks the
     * live tables for the few rows it keeps. Set by `search.index` and by publish/unpublish.
     */
    isPublic: p.boolean().default(false),
  },
  indexes: [
    { properties: ['title'], type: 'fulltext', name: 'search_documents_title_fulltext' },
    {
      properties: ['title', 'body'],
      type: 'fulltext',
      name: 'search_documents_title_body_fulltext',
    },
  ],
});
export type SearchDocument = InferEntity<typeof SearchDocument>;

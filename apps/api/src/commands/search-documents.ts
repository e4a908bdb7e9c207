import type { EntityManager } from '@mikro-orm/mysql';
import type { SearchKind } from '@pluma/db';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { parseSearchQuery, type SearchTerm } from './parse-search-query.ts';

/**
 * Added to the FULLTEXT relevance (which lies in 0..~10) per searched word found in the title, so a
 * title match outranks a passing mention in a body. A second MATCH over a title-only FULLTEXT index
 * was tried first: MariaDB 10.11 returns 0 or an infinite relevance for it while the index's
 * statistics lag recent writes, which fails the query ("DOUBLE value is out of range").
 */
const TITLE_BONUS = 10;
/** FULLTEXT relevance is clamped: InnoDB can report an infinite one for a just-written row. */
const MAX_RELEVANCE = 1000;
/** How deep pagination goes: relevance pages are offsets, and past this nobody reads on. */
export const MAX_SEARCH_OFFSET = 1000;

export interface SearchInput {
  q: string;
  kinds: readonly SearchKind[];
  cursor?: string | undefined;
  limit: number;
}

/** One row found, with what the presenter needs. */
export interface SearchHit {
  kind: SearchKind;
  /** The work's, page's or author's id. */
  id: number;
  workId: number | null;
  workTitle: string | null;
  title: string;
  body: string;
  /** The work's owner, or the author. */
  authorHandle: string | null;
  authorName: string | null;
  score: number;
}

export interface SearchPage {
  hits: SearchHit[];
  terms: SearchTerm[];
  nextCursor: string | null;
}

interface Row {
  kind: SearchKind;
  work_id: number | string | null;
  page_id: number | string | null;
  user_id: number | string | null;
  work_title: string | null;
  title: string;
  body: string;
  handle: string | null;
  display_name: string | null;
  score: number | string;
}

/*
 * Who sees a row is decided here, from the live tables, not by the index: works and pages when
 * the work is published or the caller collaborates on it (drafts are indexed by title and
 * description for them); authors who are not deleted and have published something (or are the
 * caller). The expression is always a bound parameter; nothing from the user is spliced in.
 */
const sql = (titleTerms: number) => `
select d.kind, d.work_id, d.page_id, d.user_id, w.title as work_title, d.title, d.body,
  u.handle, u.display_name,
  least(match(d.title, d.body) against (? in boolean mode), ${MAX_RELEVANCE})${` + (d.title like ?) * ${TITLE_BONUS}`.repeat(titleTerms)} as score
from search_documents d
left join works w on w.id = d.work_id
left join users u on u.id = coalesce(d.user_id, w.owner_id)
where match(d.title, d.body) against (? in boolean mode)
  and d.kind in (?)
  and (
    (d.kind <> 'author' and (w.published_at is not null
      or d.work_id in (select c.work_id from work_collaborators c where c.user_id = ?)))
    or (d.kind = 'author' and u.deleted_at is null and (u.id = ?
      or exists (select 1 from works o where o.owner_id = u.id and o.published_at is not null)))
  )
order by score desc, d.id desc
limit ? offset ?`;

const id = (value: number | string | null) => (value === null ? null : Number(value));

/** Full-text search over what the caller may see, most relevant first, one page at a time. */
export async function searchDocuments(em: EntityManager, userId: number | undefined, input: SearchInput): Promise<SearchPage> {
  const { expression, terms } = parseSearchQuery(input.q);
  const offset = input.cursor ? decodeCursor(input.cursor, 1)[0]! : 0;
  if (expression === '' || offset >= MAX_SEARCH_OFFSET) return { hits: [], terms, nextCursor: null };
  const limit = Math.min(input.limit, MAX_SEARCH_OFFSET - offset);
  const caller = userId ?? 0;
  // Terms hold letters and digits only, so a LIKE pattern built from one has no wildcard of the user's.
  const likes = terms.map((t) => `%${t.word}%`);
  const params = [expression, ...likes, expression, input.kinds, caller, caller, limit + 1, offset];
  const rows = await em.execute<Row[]>(sql(likes.length), params);
  const hasMore = rows.length > limit;
  const hits = rows.slice(0, limit).map(
    (row): SearchHit => ({
      kind: row.kind,
      id: id(row.kind === 'work' ? row.work_id : row.kind === 'page' ? row.page_id : row.user_id)!,
      workId: id(row.work_id),
      workTitle: row.work_title,
      title: row.title,
      body: row.body,
      authorHandle: row.handle,
      authorName: row.display_name,
      score: Number(row.score),
    }),
  );
  return { hits, terms, nextCursor: hasMore ? encodeCursor(offset + limit) : null };
}

import type { EntityManager } from '@mikro-orm/mysql';
import type { SearchKind } from '@pluma/db';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { parseSearchQuery, type SearchTerm } from './parse-search-query.ts';
import type { SearchPool, SearchPoolCache } from './search-pool-cache.ts';

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

/**
 * Candidates are ranked by FULLTEXT relevance on `search_documents` alone, `POOL_STEP` rows at a
 * time, before anything is joined: scoring, joining and sorting every match before `LIMIT` made
 * frequent words cost a second. The title bonus then re-ranks the pool, so a title match beyond
 * the pool's last relevance is not promoted (pagination deeper than the pool widens it).
 */
const POOL_STEP = 100;

/** Rows anyone may see (flag set by the index and by publish/unpublish), no join. */
const publicPoolSql = `
select d.id, least(match(d.title, d.body) against (? in boolean mode), ${MAX_RELEVANCE}) as relevance
from search_documents d
where match(d.title, d.body) against (? in boolean mode) and d.kind in (?) and d.is_public = 1
order by relevance desc, d.id desc
limit ?`;

/**
 * Whether the caller has rows of the searched kinds only they (and their co-authors) see: drafts,
 * or an author row not yet public. Saves the second FULLTEXT pass otherwise (pages are never private
 * for long: unpublishing drops them from the index).
 */
const hasPrivateSql = `
select exists (select 1 from search_documents d
  where d.is_public = 0 and d.kind in (?)
    and (d.user_id = ? or d.work_id in (select c.work_id from work_collaborators c where c.user_id = ?))) as present`;

/** The caller's own non-public rows: a second, usually small, candidate pool. */
const privatePoolSql = `
select d.id, least(match(d.title, d.body) against (? in boolean mode), ${MAX_RELEVANCE}) as relevance
from search_documents d
where match(d.title, d.body) against (? in boolean mode) and d.kind in (?) and d.is_public = 0
  and (d.user_id = ? or d.work_id in (select c.work_id from work_collaborators c where c.user_id = ?))
order by relevance desc, d.id desc
limit ?`;

/*
 * Who sees a row is decided here, from the live tables, for the pooled candidates only (the
 * `is_public` flag narrows the pool; it is not trusted): works and pages when the work is
 * published or the caller collaborates on it (drafts are indexed by title and description for
 * them); authors who are not deleted and have published something (or are the caller). Every
 * value is a bound parameter; nothing from the user is spliced in.
 */
const rankSql = (titleTerms: number) => `
select d.kind, d.work_id, d.page_id, d.user_id, w.title as work_title, d.title, d.body,
  u.handle, u.display_name,
  c.relevance${` + (d.title like ?) * ${TITLE_BONUS}`.repeat(titleTerms)} as score
from json_table(?, '$[*]' columns (id bigint unsigned path '$[0]', relevance double path '$[1]')) c
join search_documents d on d.id = c.id
left join works w on w.id = d.work_id
left join users u on u.id = coalesce(d.user_id, w.owner_id)
where (d.kind <> 'author' and (w.published_at is not null
    or d.work_id in (select wc.work_id from work_collaborators wc where wc.user_id = ?)))
  or (d.kind = 'author' and u.deleted_at is null and (u.id = ?
    or exists (select 1 from works o where o.owner_id = u.id and o.published_at is not null)))
order by score desc, d.id desc
limit ? offset ?`;

interface Candidate {
  id: number | string;
  relevance: number | string;
}

const toPool = (rows: Candidate[]): SearchPool =>
  rows.map((c) => [Number(c.id), Number(c.relevance)] as const);

/**
 * The public candidates, from the cache when the query is a frequent one: InnoDB reads and scores
 * every match of a word before it can rank them (0.3–2 s uncached for a word in most of
 * 100,000 pages), so only a pool that came back full — many matches, the costly case — is kept.
 */
async function findPublicPool(
  em: EntityManager,
  cache: SearchPoolCache | undefined,
  expression: string,
  kinds: readonly SearchKind[],
  pool: number,
): Promise<SearchPool> {
  const key = `${[...kinds].sort().join(',')}|${pool}|${expression}`;
  const cached = cache?.get(key);
  if (cached) return cached;
  const found = toPool(
    await em.execute<Candidate[]>(publicPoolSql, [expression, expression, kinds, pool]),
  );
  if (found.length === pool) cache?.set(key, found);
  return found;
}

const id = (value: number | string | null) => (value === null ? null : Number(value));

/** Full-text search over what the caller may see, most relevant first, one page at a time. */
export async function searchDocuments(
  em: EntityManager,
  userId: number | undefined,
  input: SearchInput,
  cache?: SearchPoolCache,
): Promise<SearchPage> {
  const { expression, terms } = parseSearchQuery(input.q);
  const offset = input.cursor ? decodeCursor(input.cursor, 1)[0]! : 0;
  if (expression === '' || offset >= MAX_SEARCH_OFFSET)
    return { hits: [], terms, nextCursor: null };
  const limit = Math.min(input.limit, MAX_SEARCH_OFFSET - offset);
  const caller = userId ?? 0;
  const pool = Math.ceil((offset + limit + 1) / POOL_STEP) * POOL_STEP;
  // By id: a cached public pool may still hold a row unpublished since, now in the private pool too.
  const candidates = new Map(await findPublicPool(em, cache, expression, input.kinds, pool));
  if (userId !== undefined) {
    const [mine] = await em.execute<{ present: number | string }[]>(hasPrivateSql, [
      input.kinds,
      userId,
      userId,
    ]);
    if (Number(mine?.present)) {
      const rows = await em.execute<Candidate[]>(privatePoolSql, [
        expression,
        expression,
        input.kinds,
        userId,
        userId,
        pool,
      ]);
      for (const [docId, relevance] of toPool(rows)) candidates.set(docId, relevance);
    }
  }
  if (candidates.size === 0) return { hits: [], terms, nextCursor: null };
  const pooled = JSON.stringify([...candidates]);
  // Terms hold letters and digits only, so a LIKE pattern built from one has no wildcard of the user's.
  const likes = terms.map((t) => `%${t.word}%`);
  const rows = await em.execute<Row[]>(rankSql(likes.length), [
    ...likes,
    pooled,
    caller,
    caller,
    limit + 1,
    offset,
  ]);
  const hasMore = rows.length > limit;
  const hits = rows.slice(0, limit).map((row): SearchHit => ({
    kind: row.kind,
    id: id(row.kind === 'work' ? row.work_id : row.kind === 'page' ? row.page_id : row.user_id)!,
    workId: id(row.work_id),
    workTitle: row.work_title,
    title: row.title,
    body: row.body,
    authorHandle: row.handle,
    authorName: row.display_name,
    score: Number(row.score),
  }));
  return { hits, terms, nextCursor: hasMore ? encodeCursor(offset + limit) : null };
}

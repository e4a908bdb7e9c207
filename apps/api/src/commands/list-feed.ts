import type { EntityManager } from '@mikro-orm/mysql';
import { Work } from '@pluma/db';
import { decodeCursor, encodeCursor } from './cursor.ts';

export interface FeedInput {
  cursor?: string | undefined;
  limit: number;
}

export interface FeedPage {
  works: Work[];
  nextCursor: string | null;
}

/**
 * Published works whose owner or an editor is someone the user follows, newest publication first,
 * one page at a time (cursor: publication time and id of the last work shown).
 */
export async function listFeed(
  em: EntityManager,
  userId: number,
  input: FeedInput,
): Promise<FeedPage> {
  const after = input.cursor ? decodeCursor(input.cursor, 2) : undefined;
  const params: unknown[] = [userId];
  let position = '';
  if (after) {
    const at = new Date(after[0] ?? 0).toISOString().slice(0, 19).replace('T', ' ');
    position = 'AND (w.published_at < ? OR (w.published_at = ? AND w.id < ?))';
    params.push(at, at, after[1]);
  }
  params.push(input.limit + 1);
  // Driven from the follows side: a reader follows few authors, while the works table is large.
  const rows = await em.execute<{ id: number | string }[]>(
    `SELECT w.id, w.published_at FROM follows f
       JOIN work_collaborators wc ON wc.user_id = f.followee_id AND wc.role IN ('owner', 'editor')
       JOIN works w ON w.id = wc.work_id AND w.published_at IS NOT NULL
     WHERE f.follower_id = ? ${position}
     GROUP BY w.id, w.published_at
     ORDER BY w.published_at DESC, w.id DESC
     LIMIT ?`,
    params,
    'all',
  );
  const hasMore = rows.length > input.limit;
  const ids = rows.slice(0, input.limit).map((row) => Number(row.id));
  const found = await em.find(Work, { id: { $in: ids } }, { populate: ['owner', 'genre'] });
  const byId = new Map(found.map((work) => [work.id, work]));
  const works = ids.map((id) => byId.get(id)).filter((work): work is Work => work !== undefined);
  const last = works.at(-1);
  return {
    works,
    nextCursor:
      hasMore && last?.publishedAt ? encodeCursor(last.publishedAt.getTime(), last.id) : null,
  };
}

import type { EntityManager } from '@mikro-orm/mysql';

/**
 * The next `limit` distinct followers of any of `authorIds` with an id above `after`, ascending.
 * Each author's part reads at most `limit` index entries (follows_followee_follower_index), so a
 * batch costs the same at the start and the end of a hundred thousand followers.
 */
export async function findFollowerBatch(em: EntityManager, authorIds: readonly number[], after: number, limit: number): Promise<number[]> {
  if (authorIds.length === 0) return [];
  const part = '(SELECT `follower_id` FROM `follows` WHERE `followee_id` = ? AND `follower_id` > ? ORDER BY `follower_id` LIMIT ?)';
  const params: unknown[] = [];
  for (const authorId of authorIds) params.push(authorId, after, limit);
  const rows = await em.execute<{ follower_id: number | string }[]>(
    `SELECT \`follower_id\` FROM (${authorIds.map(() => part).join(' UNION ')}) AS f ORDER BY \`follower_id\` LIMIT ?`,
    [...params, limit],
    'all',
  );
  return rows.map((row) => Number(row.follower_id));
}

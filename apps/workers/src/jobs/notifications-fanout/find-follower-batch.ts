import type { EntityManager } from '@mikro-orm/mysql';

/** A follower to tell: what the notification and the e-mail need, read with the batch. */
export interface FollowerToTell {
  id: number;
  email: string;
  displayName: string;
  emailOnNewPublication: boolean;
}

export interface FollowerBatch {
  /** Every follower id of the batch, ascending (deleted accounts included): the last one is the cursor. */
  followerIds: number[];
  /** The followers whose account still exists, ascending. */
  users: FollowerToTell[];
}

interface Row {
  follower_id: number | string;
  id: number | string | null;
  email: string | null;
  display_name: string | null;
  email_on_new_publication: number | boolean | null;
}

/**
 * The next `limit` distinct followers of any of `authorIds` with an id above `after`, ascending,
 * with their account fields and e-mail preference in the same query (one round trip a batch).
 * Each author's part reads at most `limit` index entries (follows_followee_follower_index), so a
 * batch costs the same at the start and the end of a hundred thousand followers.
 */
export async function findFollowerBatch(
  em: EntityManager,
  authorIds: readonly number[],
  after: number,
  limit: number,
): Promise<FollowerBatch> {
  if (authorIds.length === 0) return { followerIds: [], users: [] };
  const part =
    '(SELECT `follower_id` FROM `follows` WHERE `followee_id` = ? AND `follower_id` > ? ORDER BY `follower_id` LIMIT ?)';
  const params: unknown[] = [];
  for (const authorId of authorIds) params.push(authorId, after, limit);
  const rows = await em.execute<Row[]>(
    'SELECT f.`follower_id`, u.`id`, u.`email`, u.`display_name`, u.`email_on_new_publication` FROM ' +
      `(SELECT DISTINCT \`follower_id\` FROM (${authorIds.map(() => part).join(' UNION ')}) AS a ORDER BY \`follower_id\` LIMIT ?) AS f ` +
      'LEFT JOIN `users` AS u ON u.`id` = f.`follower_id` AND u.`deleted_at` IS NULL ORDER BY f.`follower_id`',
    [...params, limit],
    'all',
  );
  const batch: FollowerBatch = { followerIds: [], users: [] };
  for (const row of rows) {
    batch.followerIds.push(Number(row.follower_id));
    if (row.id === null) continue;
    batch.users.push({
      id: Number(row.id),
      email: row.email ?? '',
      displayName: row.display_name ?? '',
      emailOnNewPublication: Boolean(row.email_on_new_publication),
    });
  }
  return batch;
}

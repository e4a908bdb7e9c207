import type { EntityManager } from '@mikro-orm/mysql';
import { Follow, type User } from '@pluma/db';
import { decodeCursor, encodeCursor } from './cursor.ts';

export interface FollowListInput {
  cursor?: string | undefined;
  limit: number;
}

export interface FollowList {
  /** The users on the other side of each follow, with when the follow began; newest first. */
  items: { user: User; since: Date }[];
  nextCursor: string | null;
}

/**
 * One page of a user's followers (`direction: 'followers'`) or of whom they follow
 * (`'following'`), newest follow first; deleted accounts are left out.
 */
export async function listFollows(
  em: EntityManager,
  user: User,
  direction: 'followers' | 'following',
  input: FollowListInput,
): Promise<FollowList> {
  const [before] = input.cursor ? decodeCursor(input.cursor, 1) : [];
  const mine = direction === 'followers' ? 'followee' : 'follower';
  const other = direction === 'followers' ? 'follower' : 'followee';
  const follows = await em.find(
    Follow,
    {
      [mine]: user.id,
      [other]: { deletedAt: null },
      ...(before === undefined ? {} : { id: { $lt: before } }),
    },
    { orderBy: { id: 'desc' }, limit: input.limit + 1, populate: [other] },
  );
  const hasMore = follows.length > input.limit;
  const page = hasMore ? follows.slice(0, input.limit) : follows;
  const last = page.at(-1);
  return {
    items: page.map((follow) => ({ user: follow[other] as User, since: follow.createdAt })),
    nextCursor: hasMore && last ? encodeCursor(last.id) : null,
  };
}

/** True when `followerId` follows `followee`. */
export async function isFollowing(
  em: EntityManager,
  followerId: number,
  followee: User,
): Promise<boolean> {
  return (await em.count(Follow, { follower: followerId, followee: followee.id })) > 0;
}

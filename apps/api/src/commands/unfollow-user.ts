import type { EntityManager } from '@mikro-orm/mysql';
import { Follow, type User } from '@pluma/db';

/** Stops `followerId` following `followee`; not following already is fine (idempotent). */
export async function unfollowUser(
  em: EntityManager,
  followerId: number,
  followee: User,
): Promise<void> {
  await em.nativeDelete(Follow, { follower: followerId, followee: followee.id });
}

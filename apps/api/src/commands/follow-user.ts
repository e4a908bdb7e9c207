import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/mysql';
import { Follow, User } from '@pluma/db';
import { notificationIdOf, type Notifier } from '@pluma/notify';
import { enqueueEmail, type JobProducer } from '@pluma/queue';
import type { Logger } from '@pluma/telemetry/logger';

export interface FollowDeps {
  em: EntityManager;
  jobs: JobProducer;
  notifier: Notifier;
  log: Logger;
}

/**
 * Makes `followerId` follow `followee`; following again changes nothing (returns false). A new
 * follow tells the followee (`follower.new`, stored and live) and e-mails them unless they turned
 * that off. The notification id is fixed per (followee, follower), so unfollowing and following
 * again does not notify twice.
 */
export async function followUser(
  deps: FollowDeps,
  followerId: number,
  followee: User,
): Promise<boolean> {
  const { em } = deps;
  const follower = await em.findOneOrFail(User, { id: followerId });
  try {
    em.create(Follow, { follower, followee });
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return false;
    throw error;
  }
  // The follow is stored; telling the followee is best effort and must not fail the request.
  try {
    const told = await deps.notifier.notify(em, [followee.id], {
      id: notificationIdOf('follower.new', followee.id, follower.id),
      type: 'follower.new',
      payload: { follower: { handle: follower.handle, displayName: follower.displayName } },
    });
    if (told.length > 0 && followee.emailOnNewFollower) {
      await enqueueEmail(deps.jobs, {
        kind: 'new-follower',
        to: followee.email,
        displayName: followee.displayName,
        followerHandle: follower.handle,
        followerName: follower.displayName,
      });
    }
  } catch (error) {
    deps.log.error({ err: error, followeeId: followee.id }, 'new-follower notification failed');
  }
  return true;
}

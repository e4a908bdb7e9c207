import type { User } from '@pluma/db';
import { AppError } from '@pluma/errors';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { AuthContext } from '../../http/env.ts';

/** Any signed-in user may follow or unfollow anyone but themselves; returns the follower's id. */
export function authorizeFollow(auth: AuthContext | undefined, followee: User): number {
  const { userId } = requireAuth(auth);
  if (followee.id === userId)
    throw new AppError('request.invalid', 'You cannot follow yourself.', {
      errors: [{ path: 'handle', message: 'is your own handle' }],
    });
  return userId;
}

/** Who follows whom is public, like the profile it belongs to (deleted accounts are never listed). */
export function authorizeFollowListView(_auth: AuthContext | undefined): void {}

import type { EntityManager } from '@mikro-orm/mysql';
import { revokeAccessToken } from '@pluma/auth';
import { Session } from '@pluma/db';
import type { ApiDeps } from '../deps.ts';
import type { AuthContext } from '../http/env.ts';

/**
 * Signs out: the access token is revoked until it expires (announced so open sockets close) and
 * its sign-in's refresh tokens stop working.
 */
export async function logOut(
  deps: Pick<ApiDeps, 'redis' | 'redisPrefix'>,
  em: EntityManager,
  auth: AuthContext,
): Promise<void> {
  if (auth.sessionId) {
    await em.nativeUpdate(
      Session,
      { user: auth.userId, familyId: auth.sessionId, revokedAt: null },
      { revokedAt: new Date() },
    );
  }
  await revokeAccessToken(
    deps.redis,
    { jti: auth.jti, exp: auth.exp, sub: String(auth.userId) },
    deps.redisPrefix ?? '',
  );
}

import { AppError } from '@pluma/errors';
import type { MikroORM, WorkRole } from '@pluma/db';
import type { Redis } from '@pluma/runtime';
import { TokenRefusedError, authenticateToken } from '../access/authenticate-token.ts';
import { resolvePageAccess } from '../access/resolve-page-access.ts';
import type { CollabContext } from '../deps.ts';

export interface RequestAuthDeps {
  orm: MikroORM;
  redis: Redis;
  redisPrefix: string;
  jwtSecret: string;
}

/**
 * Authorizes an HTTP request on a page with the same JWT and roles as the WebSocket:
 * 401 without a valid token, 404 for an unknown page, 403 for a non-collaborator or a role
 * that may not do this.
 */
export async function authorizePageRequest(
  deps: RequestAuthDeps,
  authorization: string | undefined,
  pageId: number,
  allowed: readonly WorkRole[],
): Promise<CollabContext> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  let user;
  try {
    user = await authenticateToken(token, deps);
  } catch (error) {
    if (error instanceof TokenRefusedError) {
      throw new AppError(
        error.problem === 'token-missing' ? 'auth.unauthenticated' : 'auth.token_invalid',
        error.problem === 'token-missing'
          ? 'Send the access token as `Authorization: Bearer <token>`.'
          : `The access token was refused (${error.problem}).`,
        { headers: { 'www-authenticate': 'Bearer' } },
      );
    }
    throw error;
  }
  const access = await resolvePageAccess(deps.orm, pageId, user.userId);
  if (!access) throw new AppError('resource.not_found', `Page ${pageId} does not exist.`);
  if (!access.role || !allowed.includes(access.role)) {
    throw new AppError(
      'auth.forbidden',
      access.role
        ? `A ${access.role} may not do this.`
        : 'You are not a collaborator on this work.',
    );
  }
  return {
    userId: user.userId,
    pageId,
    workId: access.workId,
    role: access.role,
    jti: user.claims.jti,
    exp: user.claims.exp,
    iat: user.claims.iat,
    authorizedAt: Date.now(),
  };
}

import type { MiddlewareHandler } from 'hono';
import { InvalidTokenError, isAccessTokenRevoked, isIssuedBeforeUserRevocation, verifyAccessToken } from '@pluma/auth';
import { AppError } from '@pluma/errors';
import type { ApiDeps } from '../deps.ts';
import type { ApiEnv, AuthContext } from './env.ts';

/** Reads `Authorization: Bearer <jwt>`; an absent header is anonymous, a bad or revoked token is 401. */
export async function authenticate(deps: ApiDeps, header: string | undefined): Promise<AuthContext | undefined> {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError('auth.token_invalid', 'The Authorization header must be "Bearer <access token>".');
  let claims;
  try {
    claims = await verifyAccessToken(deps.config.JWT_SECRET, match[1]);
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      throw new AppError('auth.token_invalid', error.reason === 'expired' ? 'The access token has expired; refresh it.' : 'The access token is invalid.');
    }
    throw error;
  }
  const prefix = deps.redisPrefix ?? '';
  const [revoked, revokedWithUser] = await Promise.all([
    isAccessTokenRevoked(deps.redis, claims.jti, prefix),
    // A password change or account deletion revokes every token the user held at that moment.
    isIssuedBeforeUserRevocation(deps.redis, claims.sub, claims.iat, prefix),
  ]);
  if (revoked || revokedWithUser) {
    throw new AppError('auth.token_invalid', 'The access token has been revoked; sign in again.');
  }
  const auth: AuthContext = { userId: Number(claims.sub), jti: claims.jti, exp: claims.exp };
  if (claims.sid) auth.sessionId = claims.sid;
  return auth;
}

/** Sets `em` (a fork per request) and `auth` (when a token is present) on every request. */
export function requestContext(deps: ApiDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    c.set('em', deps.orm.em.fork() as ApiEnv['Variables']['em']);
    c.set('auth', await authenticate(deps, c.req.header('authorization')));
    await next();
  };
}

/** The caller's auth context, or 401 when the route needs a signed-in user and there is none. */
export function requireAuth(auth: AuthContext | undefined): AuthContext {
  if (!auth) throw new AppError('auth.unauthenticated', 'Sign in to do this: send "Authorization: Bearer <access token>".');
  return auth;
}

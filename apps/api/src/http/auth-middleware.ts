import type { MiddlewareHandler } from 'hono';
import { InvalidTokenError, checkAccessToken } from '@pluma/auth';
import { AppError } from '@pluma/errors';
import type { ApiDeps } from '../deps.ts';
import type { ApiEnv, AuthContext } from './env.ts';

/** Reads `Authorization: Bearer <jwt>`; an absent header is anonymous, a bad or revoked token is 401. */
export async function authenticate(
  deps: ApiDeps,
  header: string | undefined,
): Promise<AuthContext | undefined> {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new AppError(
      'auth.token_invalid',
      'The Authorization header must be "Bearer <access token>".',
    );
  let claims;
  try {
    claims = await checkAccessToken(
      deps.config.JWT_SECRET,
      deps.redis,
      match[1],
      deps.redisPrefix ?? '',
    );
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      const detail = {
        expired: 'The access token has expired; refresh it.',
        revoked: 'The access token has been revoked; sign in again.',
        invalid: 'The access token is invalid.',
      }[error.reason];
      throw new AppError('auth.token_invalid', detail);
    }
    throw error;
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
  if (!auth)
    throw new AppError(
      'auth.unauthenticated',
      'Sign in to do this: send "Authorization: Bearer <access token>".',
    );
  return auth;
}

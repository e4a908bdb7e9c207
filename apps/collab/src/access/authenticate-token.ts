import { InvalidTokenError, checkAccessToken, type AccessClaims } from '@pluma/auth';
import type { Redis } from '@pluma/runtime';

export interface AuthenticatedUser {
  userId: number;
  claims: AccessClaims;
}

/** Why a token was refused, as told to the client. */
export type TokenProblem = 'token-missing' | 'token-expired' | 'token-invalid' | 'token-revoked';

export class TokenRefusedError extends Error {
  readonly problem: TokenProblem;
  constructor(problem: TokenProblem) {
    super(problem);
    this.name = 'TokenRefusedError';
    this.problem = problem;
  }
}

/** Verifies an access JWT the API issued and that it was not revoked (logout, password change); throws TokenRefusedError. */
export async function authenticateToken(
  token: string | undefined,
  deps: { jwtSecret: string; redis: Redis; redisPrefix: string },
): Promise<AuthenticatedUser> {
  if (!token) throw new TokenRefusedError('token-missing');
  let claims: AccessClaims;
  try {
    claims = await checkAccessToken(deps.jwtSecret, deps.redis, token, deps.redisPrefix);
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      throw new TokenRefusedError(`token-${error.reason}`);
    }
    throw error;
  }
  const userId = Number(claims.sub);
  if (!Number.isSafeInteger(userId) || userId <= 0) throw new TokenRefusedError('token-invalid');
  return { userId, claims };
}

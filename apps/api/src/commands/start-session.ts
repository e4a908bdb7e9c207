import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/mysql';
import { ACCESS_TOKEN_TTL_SECONDS, createOpaqueToken, signAccessToken } from '@pluma/auth';
import { Session, type User } from '@pluma/db';
import type { ApiDeps } from '../deps.ts';

/** How long a refresh token can be exchanged; each rotation starts a new period. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/**
 * Issues an access token and a refresh token for the user. A new sign-in starts a new family;
 * a rotation passes the family of the token it replaces.
 */
export async function startSession(
  deps: Pick<ApiDeps, 'config'>,
  em: EntityManager,
  user: User,
  options: { familyId?: string; userAgent?: string | undefined } = {},
): Promise<SessionTokens> {
  const familyId = options.familyId ?? randomUUID();
  const { token: refreshToken, hash } = createOpaqueToken();
  em.create(Session, {
    user,
    familyId,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
    userAgent: options.userAgent?.slice(0, 255) ?? null,
  });
  await em.flush();
  const { token: accessToken } = await signAccessToken(
    deps.config.JWT_SECRET,
    user.id,
    ACCESS_TOKEN_TTL_SECONDS,
    { sessionId: familyId },
  );
  return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}

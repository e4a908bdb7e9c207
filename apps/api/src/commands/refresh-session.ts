import type { EntityManager } from '@mikro-orm/mysql';
import { hashOpaqueToken } from '@pluma/auth';
import { Session, User } from '@pluma/db';
import { AppError } from '@pluma/errors';
import type { ApiDeps } from '../deps.ts';
import { startSession, type SessionTokens } from './start-session.ts';

/**
 * Rotates a refresh token: the presented one is spent and a new pair issued in the same family.
 * A spent token presented again means two parties hold it (one of them a thief), so the whole
 * family is revoked and both must sign in again.
 */
export async function refreshSession(
  deps: Pick<ApiDeps, 'config' | 'log'>,
  em: EntityManager,
  input: { refreshToken: string; userAgent?: string | undefined },
): Promise<SessionTokens> {
  const session = await em.findOne(Session, { tokenHash: hashOpaqueToken(input.refreshToken) });
  if (!session) throw invalid('The refresh token is not valid.');
  if (session.revokedAt) throw invalid('The refresh token has been revoked; sign in again.');
  if (session.expiresAt.getTime() < Date.now())
    throw invalid('The refresh token has expired; sign in again.');

  // Conditional update: of two concurrent refreshes with one token, exactly one wins.
  const claimed = session.usedAt
    ? 0
    : await em.nativeUpdate(Session, { id: session.id, usedAt: null }, { usedAt: new Date() });
  if (claimed !== 1) {
    await em.nativeUpdate(
      Session,
      { familyId: session.familyId, revokedAt: null },
      { revokedAt: new Date() },
    );
    deps.log.warn(
      { userId: session.user.id, familyId: session.familyId },
      'refresh token reused; session family revoked',
    );
    throw invalid(
      'The refresh token was already used; for safety this session has been signed out everywhere. Sign in again.',
    );
  }
  const user = await em.findOne(User, { id: session.user.id, deletedAt: null });
  if (!user) throw invalid('The refresh token is not valid.');
  return startSession(deps, em, user, { familyId: session.familyId, userAgent: input.userAgent });
}

function invalid(detail: string) {
  return new AppError('auth.token_invalid', detail, {
    errors: [{ path: 'refreshToken', message: detail }],
  });
}

import type { EntityManager } from '@mikro-orm/mysql';
import { createOpaqueToken } from '@pluma/auth';
import { EmailToken, type EmailTokenPurpose, type User } from '@pluma/db';

/** How long a link sent by e-mail works. */
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  'verify-email': 24 * 3600 * 1000,
  'password-reset': 3600 * 1000,
};

/**
 * Creates a single-use e-mail token for the user and returns the raw token (only its hash is
 * stored). Earlier unused tokens of the same purpose stop working: only the newest link counts.
 */
export async function issueEmailToken(
  em: EntityManager,
  user: User,
  purpose: EmailTokenPurpose,
): Promise<string> {
  const { token, hash } = createOpaqueToken();
  await em.nativeDelete(EmailToken, { user: user.id, purpose, usedAt: null });
  em.create(EmailToken, {
    user,
    purpose,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + EMAIL_TOKEN_TTL_MS[purpose]),
  });
  await em.flush();
  return token;
}

import type { EntityManager } from '@mikro-orm/mysql';
import { hashOpaqueToken } from '@pluma/auth';
import { EmailToken, User, type EmailTokenPurpose } from '@pluma/db';
import { AppError } from '@pluma/errors';

/**
 * Marks an e-mail token used and returns its user; 400 auth.link_invalid when it is unknown,
 * expired, already used (also by a concurrent request) or the account is gone.
 */
export async function consumeEmailToken(
  em: EntityManager,
  token: string,
  purpose: EmailTokenPurpose,
  what: string,
): Promise<User> {
  const row = await em.findOne(EmailToken, { tokenHash: hashOpaqueToken(token), purpose });
  if (!row || row.usedAt || row.expiresAt.getTime() < Date.now()) {
    const why = !row ? 'is not valid' : row.usedAt ? 'has already been used' : 'has expired';
    throw new AppError('auth.link_invalid', `This ${what} link ${why}; ask for a new one.`, {
      errors: [{ path: 'token', message: why }],
    });
  }
  // Conditional update: of two concurrent requests with the same token, only one wins.
  const claimed = await em.nativeUpdate(
    EmailToken,
    { id: row.id, usedAt: null },
    { usedAt: new Date() },
  );
  if (claimed !== 1) {
    throw new AppError(
      'auth.link_invalid',
      `This ${what} link has already been used; ask for a new one.`,
      {
        errors: [{ path: 'token', message: 'has already been used' }],
      },
    );
  }
  const user = await em.findOne(User, { id: row.user.id, deletedAt: null });
  if (!user)
    throw new AppError('auth.link_invalid', `This ${what} link is not valid.`, {
      errors: [{ path: 'token', message: 'is not valid' }],
    });
  return user;
}

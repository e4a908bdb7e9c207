import type { EntityManager } from '@mikro-orm/mysql';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '@pluma/auth';
import { User } from '@pluma/db';
import { AppError } from '@pluma/errors';
import type { ApiDeps } from '../deps.ts';
import { assertLoginAllowed, countFailedLogin } from '../routes/auth/auth.policy.ts';
import { startSession, type SessionTokens } from './start-session.ts';

export interface LogInInput {
  email: string;
  password: string;
  clientAddress: string;
  userAgent?: string | undefined;
}

// Verified against when no account matches, so an unknown address costs as much time as a known one.
let dummyHash: Promise<string> | undefined;

/**
 * Exchanges e-mail and password for tokens. Rate-limited per account and per client address;
 * refused with 403 auth.email_unverified (only once the password is right) until the address is verified.
 */
export async function logIn(
  deps: Pick<ApiDeps, 'config' | 'redis' | 'redisPrefix'>,
  em: EntityManager,
  input: LogInInput,
): Promise<SessionTokens> {
  await assertLoginAllowed(deps, input.email, input.clientAddress);
  const user = await em.findOne(User, { email: input.email, deletedAt: null });
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verifyPassword(
    user?.passwordHash.startsWith('$argon2') ? user.passwordHash : await dummyHash,
    input.password,
  );
  if (!user || !ok) {
    await countFailedLogin(deps, input.email);
    throw new AppError('auth.invalid_credentials', 'The e-mail address or password is wrong.');
  }
  if (!user.emailVerifiedAt) {
    throw new AppError(
      'auth.email_unverified',
      'Confirm your e-mail address first: open the link we sent you, or ask for a new one at POST /v1/auth/verify/resend.',
    );
  }
  return startSession(deps, em, user, { userAgent: input.userAgent });
}

import type { EntityManager } from '@mikro-orm/mysql';
import { hashPassword, passwordPolicyViolation, revokeUserAccessTokens } from '@pluma/auth';
import { Session } from '@pluma/db';
import { AppError } from '@pluma/errors';
import type { ApiDeps } from '../deps.ts';
import { consumeEmailToken } from './consume-email-token.ts';

/**
 * Sets a new password with the token from a reset link, then signs the account out everywhere:
 * every refresh token is revoked and every access token issued before now is refused.
 */
export async function resetPassword(
  deps: Pick<ApiDeps, 'redis' | 'redisPrefix'>,
  em: EntityManager,
  input: { token: string; password: string },
): Promise<void> {
  // The policy is checked first so a weak password does not spend the link.
  const weak = passwordPolicyViolation(input.password);
  if (weak)
    throw new AppError('request.invalid', `password: ${weak}`, {
      errors: [{ path: 'password', message: weak }],
    });
  const user = await consumeEmailToken(em, input.token, 'password-reset', 'password reset');
  const personal = passwordPolicyViolation(input.password, [user.email, user.handle]);
  if (personal)
    throw new AppError('request.invalid', `password: ${personal}`, {
      errors: [{ path: 'password', message: personal }],
    });

  user.passwordHash = await hashPassword(input.password);
  // Opening the link proves control of the address.
  user.emailVerifiedAt ??= new Date();
  await em.flush();
  await em.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: new Date() });
  await revokeUserAccessTokens(deps.redis, user.id, deps.redisPrefix ?? '');
}

import type { EntityManager } from '@mikro-orm/mysql';
import type { User } from '@pluma/db';
import { consumeEmailToken } from './consume-email-token.ts';

/** Marks the account's e-mail address verified with the token from the verification link. */
export async function verifyEmail(em: EntityManager, token: string): Promise<User> {
  const user = await consumeEmailToken(em, token, 'verify-email', 'verification');
  user.emailVerifiedAt ??= new Date();
  await em.flush();
  return user;
}

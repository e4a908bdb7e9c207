import { randomBytes } from 'node:crypto';
import { User, type MikroORM } from '@pluma/db';
import { signAccessToken } from '@pluma/auth';
import { TEST_JWT_SECRET } from './test-env.ts';

export interface TestUser {
  id: number;
  email: string;
  handle: string;
  /** A valid access token for this user, signed with TEST_JWT_SECRET. */
  token: string;
}

/**
 * Inserts a verified user straight into the database (no sign-up flow) and signs a token for it.
 * The password hash is a placeholder: such a user cannot log in with a password.
 */
export async function createTestUser(
  orm: MikroORM,
  overrides: { handle?: string; email?: string; displayName?: string } = {},
): Promise<TestUser> {
  const suffix = randomBytes(3).toString('hex');
  const handle = overrides.handle ?? `user_${suffix}`;
  const em = orm.em.fork();
  const user = em.create(User, {
    email: overrides.email ?? `${handle}@example.test`,
    handle,
    displayName: overrides.displayName ?? `User ${suffix}`,
    passwordHash: '!',
    emailVerifiedAt: new Date(),
  });
  await em.flush();
  const { token } = await signAccessToken(TEST_JWT_SECRET, user.id);
  return { id: user.id, email: user.email, handle: user.handle, token };
}

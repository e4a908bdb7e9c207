import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/mysql';
import { hashPassword, passwordPolicyViolation } from '@pluma/auth';
import { User } from '@pluma/db';
import { AppError, type FieldProblem } from '@pluma/errors';
import { enqueueEmail } from '@pluma/queue';
import type { ApiDeps } from '../deps.ts';
import { issueEmailToken } from './issue-email-token.ts';

export interface RegisterUserInput {
  email: string;
  password: string;
  displayName: string;
  handle: string;
}

/** Creates an unverified account and sends the verification e-mail; 409 when the e-mail or handle is taken. */
export async function registerUser(
  deps: Pick<ApiDeps, 'jobs'>,
  em: EntityManager,
  input: RegisterUserInput,
): Promise<User> {
  const weak = passwordPolicyViolation(input.password, [input.email, input.handle]);
  if (weak)
    throw new AppError('request.invalid', `password: ${weak}`, {
      errors: [{ path: 'password', message: weak }],
    });

  await assertAvailable(em, input.email, input.handle);
  const user = em.create(User, {
    email: input.email,
    handle: input.handle,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
  });
  try {
    await em.flush();
  } catch (error) {
    // Lost a race with a concurrent sign-up for the same address or handle.
    if (error instanceof UniqueConstraintViolationException) {
      em.clear();
      await assertAvailable(em, input.email, input.handle);
    }
    throw error;
  }
  const token = await issueEmailToken(em, user, 'verify-email');
  await enqueueEmail(deps.jobs, {
    kind: 'verification',
    to: user.email,
    displayName: user.displayName,
    token,
  });
  return user;
}

/** 409 naming each field already in use (deleted accounts keep neither: they are anonymised). */
export async function assertAvailable(
  em: EntityManager,
  email: string | undefined,
  handle: string | undefined,
  exceptUserId?: number,
) {
  const or = [...(email ? [{ email }] : []), ...(handle ? [{ handle }] : [])];
  if (or.length === 0) return;
  const taken = await em.find(
    User,
    { $or: or, ...(exceptUserId ? { id: { $ne: exceptUserId } } : {}) },
    { fields: ['email', 'handle'] },
  );
  const errors: FieldProblem[] = [];
  if (email && taken.some((u) => u.email === email))
    errors.push({ path: 'email', message: 'is already registered' });
  if (handle && taken.some((u) => u.handle === handle))
    errors.push({ path: 'handle', message: 'is already taken' });
  if (errors.length)
    throw new AppError(
      'resource.conflict',
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      { errors },
    );
}

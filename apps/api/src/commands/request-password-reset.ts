import type { EntityManager } from '@mikro-orm/mysql';
import { User } from '@pluma/db';
import { enqueueEmail } from '@pluma/queue';
import type { ApiDeps } from '../deps.ts';
import { countEvent } from '../http/rate-limit.ts';
import { MAIL_PER_ADDRESS } from '../routes/auth/auth.policy.ts';
import { issueEmailToken } from './issue-email-token.ts';

/**
 * Mails a password-reset link when the address has an account. The caller answers the same either
 * way; past MAIL_PER_ADDRESS mails per hour to one address, nothing more is sent.
 */
export async function requestPasswordReset(
  deps: Pick<ApiDeps, 'jobs' | 'redis' | 'redisPrefix'>,
  em: EntityManager,
  email: string,
): Promise<void> {
  const user = await em.findOne(User, { email, deletedAt: null });
  if (!user) return;
  const { allowed } = await countEvent(
    deps.redis,
    `${deps.redisPrefix ?? ''}ratelimit:mail:reset:${email}`,
    MAIL_PER_ADDRESS,
  );
  if (!allowed) return;
  const token = await issueEmailToken(em, user, 'password-reset');
  await enqueueEmail(deps.jobs, {
    kind: 'password-reset',
    to: user.email,
    displayName: user.displayName,
    token,
  });
}

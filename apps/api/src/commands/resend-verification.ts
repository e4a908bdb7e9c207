import type { EntityManager } from '@mikro-orm/mysql';
import { User } from '@pluma/db';
import { enqueueEmail } from '@pluma/queue';
import type { ApiDeps } from '../deps.ts';
import { countEvent } from '../http/rate-limit.ts';
import { MAIL_PER_ADDRESS } from '../routes/auth/auth.policy.ts';
import { issueEmailToken } from './issue-email-token.ts';

/**
 * Sends a new verification link when the address belongs to an unverified account. The caller
 * answers the same whatever happened, so the endpoint reveals nothing about who has an account;
 * past MAIL_PER_ADDRESS mails per hour to one address, nothing more is sent.
 */
export async function resendVerification(
  deps: Pick<ApiDeps, 'jobs' | 'redis' | 'redisPrefix'>,
  em: EntityManager,
  email: string,
): Promise<void> {
  const user = await em.findOne(User, { email, deletedAt: null });
  if (!user || user.emailVerifiedAt) return;
  const { allowed } = await countEvent(
    deps.redis,
    `${deps.redisPrefix ?? ''}ratelimit:mail:verify:${email}`,
    MAIL_PER_ADDRESS,
  );
  if (!allowed) return;
  const token = await issueEmailToken(em, user, 'verify-email');
  await enqueueEmail(deps.jobs, {
    kind: 'verification',
    to: user.email,
    displayName: user.displayName,
    token,
  });
}

import type { ApiDeps } from '../../deps.ts';
import {
  assertUnderRateLimit,
  countEvent,
  enforceRateLimit,
  type RateLimit,
} from '../../http/rate-limit.ts';

/** Failed sign-ins per account (e-mail address, known or not) before it is locked for the window. */
export const LOGIN_FAILURES_PER_ACCOUNT: RateLimit = {
  name: 'login-account',
  limit: 10,
  windowSeconds: 15 * 60,
};
/** Sign-in attempts per client address, successful or not (generous: offices share addresses). */
export const LOGIN_ATTEMPTS_PER_ADDRESS: RateLimit = {
  name: 'login-address',
  limit: 50,
  windowSeconds: 15 * 60,
};
/** Verification or reset mails sent to one address per hour; further requests are answered but not sent. */
export const MAIL_PER_ADDRESS: RateLimit = { name: 'mail-address', limit: 3, windowSeconds: 3600 };
/** Sign-ups and mail-sending requests per client address per hour. */
export const ACCOUNT_REQUESTS_PER_ADDRESS: RateLimit = {
  name: 'account-address',
  limit: 30,
  windowSeconds: 3600,
};

type LimitDeps = Pick<ApiDeps, 'redis' | 'redisPrefix'>;
const key = (deps: LimitDeps, rule: RateLimit, subject: string) =>
  `${deps.redisPrefix ?? ''}ratelimit:${rule.name}:${subject}`;

/** 429 with Retry-After when the account has failed too often or the address has tried too often. */
export async function assertLoginAllowed(
  deps: LimitDeps,
  email: string,
  clientAddress: string,
): Promise<void> {
  await assertUnderRateLimit(
    deps.redis,
    key(deps, LOGIN_FAILURES_PER_ACCOUNT, email),
    LOGIN_FAILURES_PER_ACCOUNT,
    'Too many failed sign-ins for this account.',
  );
  await enforceRateLimit(
    deps.redis,
    key(deps, LOGIN_ATTEMPTS_PER_ADDRESS, clientAddress),
    LOGIN_ATTEMPTS_PER_ADDRESS,
    'Too many sign-in attempts from your address.',
  );
}

/** Counts a failed sign-in against the account. */
export async function countFailedLogin(deps: LimitDeps, email: string): Promise<void> {
  await countEvent(
    deps.redis,
    key(deps, LOGIN_FAILURES_PER_ACCOUNT, email),
    LOGIN_FAILURES_PER_ACCOUNT,
  );
}

/** 429 when one address signs up or asks for mail too often (the per-recipient cap is silent). */
export async function assertAccountRequestAllowed(
  deps: LimitDeps,
  clientAddress: string,
): Promise<void> {
  await enforceRateLimit(
    deps.redis,
    key(deps, ACCOUNT_REQUESTS_PER_ADDRESS, clientAddress),
    ACCOUNT_REQUESTS_PER_ADDRESS,
    'Too many account requests from your address.',
  );
}

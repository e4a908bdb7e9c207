import { AppError } from '@pluma/errors';
import type { Redis } from '@pluma/runtime';

/** At most `limit` events per fixed window of `windowSeconds`. */
export interface RateLimit {
  name: string;
  limit: number;
  windowSeconds: number;
}

type RedisLike = Pick<Redis, 'multi' | 'get' | 'ttl'>;

/** Counts one event against the limit; false when the limit was already reached in this window. */
export async function countEvent(
  redis: RedisLike,
  key: string,
  rule: RateLimit,
): Promise<{ allowed: boolean; retryAfter: number }> {
  const [count, , ttl] = (await redis
    .multi()
    .incr(key)
    .expire(key, rule.windowSeconds, 'NX')
    .ttl(key)
    .exec()) as unknown as [number, number, number];
  return { allowed: count <= rule.limit, retryAfter: Math.max(1, ttl) };
}

/** Counts one event and throws 429 (with Retry-After) when the limit is exceeded. */
export async function enforceRateLimit(
  redis: RedisLike,
  key: string,
  rule: RateLimit,
  detail: string,
): Promise<void> {
  const { allowed, retryAfter } = await countEvent(redis, key, rule);
  if (!allowed) throw tooMany(detail, retryAfter);
}

/** Throws 429 when `limit` events were already counted in this window, without counting one. */
export async function assertUnderRateLimit(
  redis: RedisLike,
  key: string,
  rule: RateLimit,
  detail: string,
): Promise<void> {
  const count = Number((await redis.get(key)) ?? 0);
  if (count >= rule.limit) throw tooMany(detail, Math.max(1, await redis.ttl(key)));
}

function tooMany(detail: string, retryAfter: number): AppError {
  return new AppError('auth.rate_limited', `${detail} Try again in ${retryAfter} s.`, {
    headers: { 'retry-after': String(retryAfter) },
  });
}

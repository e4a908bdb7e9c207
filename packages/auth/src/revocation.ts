import type { RedisClientType } from 'redis';

/** Minimal node-redis surface the revocation list needs. */
type RedisLike = Pick<RedisClientType, 'set' | 'exists' | 'publish' | 'get'>;

const KEY_PREFIX = 'auth:revoked:';
const USER_KEY_PREFIX = 'auth:revoked-before:';
/** Channel on which revocations are announced so open sockets can be closed at once. */
export const REVOCATION_CHANNEL = 'auth:revocations';
/** How long a per-user marker is kept: longer than any access token lives. */
const USER_MARKER_TTL_SECONDS = 24 * 3600;

/**
 * A message on REVOCATION_CHANNEL: one token (`jti`) or, with `before`, every token of the user
 * issued up to that millisecond (since the epoch), inclusive.
 */
export interface RevocationMessage {
  userId: string;
  jti?: string;
  before?: number;
}

/** Revokes an access token until it would have expired anyway, and announces it. */
export async function revokeAccessToken(
  redis: RedisLike,
  claims: { jti: string; exp: number; sub: string },
  prefix = '',
): Promise<void> {
  const ttl = Math.max(1, claims.exp - Math.floor(Date.now() / 1000));
  await redis.set(prefix + KEY_PREFIX + claims.jti, '1', {
    expiration: { type: 'EX', value: ttl },
  });
  const message: RevocationMessage = { jti: claims.jti, userId: claims.sub };
  await redis.publish(prefix + REVOCATION_CHANNEL, JSON.stringify(message));
}

/** True when the token id has been revoked (logout, password change). */
export async function isAccessTokenRevoked(
  redis: RedisLike,
  jti: string,
  prefix = '',
): Promise<boolean> {
  return (await redis.exists(prefix + KEY_PREFIX + jti)) === 1;
}

/** Revokes every access token of a user issued before now (password change, account deletion), and announces it. */
export async function revokeUserAccessTokens(
  redis: RedisLike,
  userId: number | string,
  prefix = '',
): Promise<void> {
  const before = Date.now();
  await redis.set(prefix + USER_KEY_PREFIX + String(userId), String(before), {
    expiration: { type: 'EX', value: USER_MARKER_TTL_SECONDS },
  });
  const message: RevocationMessage = { userId: String(userId), before };
  // Tokens issued in the marker's millisecond count as revoked (see issuedAtOrBefore), so return
  // only once that millisecond is over: a token signed after this call is never caught by it.
  while (Date.now() <= before) await new Promise((resolve) => setTimeout(resolve, 1));
  await redis.publish(prefix + REVOCATION_CHANNEL, JSON.stringify(message));
}

/** True when a token issued at `iat` (seconds, with milliseconds) falls at or before a revocation instant (ms). */
export function issuedAtOrBefore(iat: number, beforeMs: number): boolean {
  return Math.round(iat * 1000) <= beforeMs;
}

/** True when the user's tokens issued before some instant were revoked and this one (`iat`, seconds) is one of them. */
export async function isIssuedBeforeUserRevocation(
  redis: RedisLike,
  userId: number | string,
  iat: number,
  prefix = '',
): Promise<boolean> {
  const marker = await redis.get(prefix + USER_KEY_PREFIX + String(userId));
  return marker !== null && issuedAtOrBefore(iat, Number(marker));
}

import type { RedisClientType } from 'redis';

/** Minimal node-redis surface the revocation list needs. */
type RedisLike = Pick<RedisClientType, 'set' | 'exists' | 'publish'>;

const KEY_PREFIX = 'auth:revoked:';
/** Channel on which revocations are announced so open sockets can be closed at once. */
export const REVOCATION_CHANNEL = 'auth:revocations';

/** Revokes an access token until it would have expired anyway, and announces it. */
export async function revokeAccessToken(
  redis: RedisLike,
  claims: { jti: string; exp: number; sub: string },
  prefix = '',
): Promise<void> {
  const ttl = Math.max(1, claims.exp - Math.floor(Date.now() / 1000));
  await redis.set(prefix + KEY_PREFIX + claims.jti, '1', { expiration: { type: 'EX', value: ttl } });
  await redis.publish(prefix + REVOCATION_CHANNEL, JSON.stringify({ jti: claims.jti, userId: claims.sub }));
}

/** True when the token id has been revoked (logout, password change). */
export async function isAccessTokenRevoked(redis: RedisLike, jti: string, prefix = ''): Promise<boolean> {
  return (await redis.exists(prefix + KEY_PREFIX + jti)) === 1;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RedisClientType } from 'redis';
import { randomBytes } from 'node:crypto';
import { signAccessToken } from './access-token.ts';
import {
  REVOCATION_CHANNEL,
  isAccessTokenRevoked,
  issuedAtOrBefore,
  isIssuedBeforeUserRevocation,
  revokeAccessToken,
  revokeUserAccessTokens,
} from './revocation.ts';

const secret = 'a'.repeat(32);
// @pluma/testing depends on this package, so the test finds Redis the way it does, without importing it.
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `test:auth:${randomBytes(4).toString('hex')}:`;

describe('revocation', () => {
  let redis: RedisClientType;
  let subscriber: RedisClientType;
  const messages: unknown[] = [];
  beforeAll(async () => {
    redis = createClient({ url: redisUrl });
    await redis.connect();
    subscriber = redis.duplicate();
    await subscriber.connect();
    await subscriber.subscribe(prefix + REVOCATION_CHANNEL, (m) => messages.push(JSON.parse(m)));
  });
  afterAll(async () => {
    await subscriber?.close();
    await redis?.close();
  });

  it('revokes one token and announces it', async () => {
    const { claims } = await signAccessToken(secret, 5);
    expect(await isAccessTokenRevoked(redis, claims.jti, prefix)).toBe(false);
    await revokeAccessToken(redis, claims, prefix);
    expect(await isAccessTokenRevoked(redis, claims.jti, prefix)).toBe(true);
    expect(await redis.ttl(`${prefix}auth:revoked:${claims.jti}`)).toBeGreaterThan(800);
    await expect.poll(() => messages).toContainEqual({ jti: claims.jti, userId: '5' });
  });

  it('revokes every token of a user issued before now, not those issued after', async () => {
    const before = await signAccessToken(secret, 6);
    await revokeUserAccessTokens(redis, 6, prefix);
    const after = await signAccessToken(secret, 6);
    expect(await isIssuedBeforeUserRevocation(redis, 6, before.claims.iat, prefix)).toBe(true);
    expect(await isIssuedBeforeUserRevocation(redis, 6, after.claims.iat, prefix)).toBe(false);
    expect(await isIssuedBeforeUserRevocation(redis, 7, before.claims.iat, prefix)).toBe(false);
    await expect
      .poll(() => messages)
      .toContainEqual(expect.objectContaining({ userId: '6', before: expect.any(Number) }));
  });
});

describe('issuedAtOrBefore', () => {
  it('counts a token from the revocation millisecond as revoked, and one from the next as not', () => {
    const marker = 1_764_100_000_123;
    expect(issuedAtOrBefore(1_764_100_000.123, marker)).toBe(true);
    expect(issuedAtOrBefore(1_764_100_000.122, marker)).toBe(true);
    expect(issuedAtOrBefore(1_764_100_000.124, marker)).toBe(false);
  });
});

import type { RedisClientType } from 'redis';
import { InvalidTokenError, verifyAccessToken, type AccessClaims } from './access-token.ts';
import { isAccessTokenRevoked, isIssuedBeforeUserRevocation } from './revocation.ts';

/**
 * The one check every entry point (HTTP API, collab WebSocket, notification socket) makes of an
 * access token: signature, algorithm, expiry, and both kinds of revocation — the token itself
 * (logout) and every token of its user issued before a password change or account deletion.
 * Throws InvalidTokenError with reason 'expired', 'invalid' or 'revoked'.
 */
export async function checkAccessToken(
  secret: string,
  redis: Pick<RedisClientType, 'exists' | 'get'>,
  token: string,
  prefix = '',
): Promise<AccessClaims> {
  const claims = await verifyAccessToken(secret, token);
  const [revoked, revokedWithUser] = await Promise.all([
    isAccessTokenRevoked(redis as RedisClientType, claims.jti, prefix),
    isIssuedBeforeUserRevocation(redis as RedisClientType, claims.sub, claims.iat, prefix),
  ]);
  if (revoked || revokedWithUser) throw new InvalidTokenError('revoked', 'token revoked');
  return claims;
}

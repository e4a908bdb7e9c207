import { randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';

/** The only algorithm accepted: a token claiming any other is refused. */
const ALGORITHM = 'HS256';
const ISSUER = 'pluma';
const AUDIENCE = 'pluma';
/** Lifetime of an access token: short, because only a refresh (or revocation) outlives it. */
export const ACCESS_TOKEN_TTL_SECONDS = 900;

export interface AccessClaims {
  /** The user id. */
  sub: string;
  /** Unique token id, the key for revocation. */
  jti: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Issue time, seconds since the epoch with millisecond precision (RFC 7519 allows fractions). */
  iat: number;
  /** The refresh-token family (session) the token was issued for, when it came from a login. */
  sid?: string;
}

export class InvalidTokenError extends Error {
  readonly reason: 'expired' | 'invalid' | 'revoked';
  constructor(reason: 'expired' | 'invalid' | 'revoked', message: string) {
    super(message);
    this.name = 'InvalidTokenError';
    this.reason = reason;
  }
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs a short-lived access token for a user. */
export async function signAccessToken(
  secret: string,
  userId: number | string,
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
  options: { sessionId?: string } = {},
): Promise<{ token: string; claims: AccessClaims }> {
  const jti = randomUUID();
  // Millisecond precision, so "every token issued before the password change" is exact.
  const iat = Date.now() / 1000;
  const exp = Math.floor(iat) + ttlSeconds;
  const token = await new SignJWT(options.sessionId ? { sid: options.sessionId } : {})
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(String(userId))
    .setJti(jti)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keyOf(secret));
  const claims: AccessClaims = { sub: String(userId), jti, exp, iat };
  if (options.sessionId) claims.sid = options.sessionId;
  return { token, claims };
}

/** Verifies signature, algorithm, issuer, audience and expiry; throws InvalidTokenError otherwise. */
export async function verifyAccessToken(secret: string, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.jti !== 'string' ||
      typeof payload.exp !== 'number'
    ) {
      throw new InvalidTokenError('invalid', 'token lacks sub, jti or exp');
    }
    const claims: AccessClaims = {
      sub: payload.sub,
      jti: payload.jti,
      exp: payload.exp,
      iat: payload.iat ?? 0,
    };
    if (typeof payload.sid === 'string') claims.sid = payload.sid;
    return claims;
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof joseErrors.JWTExpired)
      throw new InvalidTokenError('expired', 'token expired');
    throw new InvalidTokenError('invalid', 'token invalid');
  }
}

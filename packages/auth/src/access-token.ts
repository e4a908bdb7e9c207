import { randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';

/** The only algorithm accepted: a token claiming any other is refused. */
const ALGORITHM = 'HS256';
const ISSUER = 'pluma';
const AUDIENCE = 'pluma';

export interface AccessClaims {
  /** The user id. */
  sub: string;
  /** Unique token id, the key for revocation. */
  jti: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  iat: number;
}

export class InvalidTokenError extends Error {
  readonly reason: 'expired' | 'invalid';
  constructor(reason: 'expired' | 'invalid', message: string) {
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
  ttlSeconds = 900,
): Promise<{ token: string; claims: AccessClaims }> {
  const jti = randomUUID();
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(String(userId))
    .setJti(jti)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keyOf(secret));
  return { token, claims: { sub: String(userId), jti, exp, iat } };
}

/** Verifies signature, algorithm, issuer, audience and expiry; throws InvalidTokenError otherwise. */
export async function verifyAccessToken(secret: string, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') {
      throw new InvalidTokenError('invalid', 'token lacks sub, jti or exp');
    }
    return { sub: payload.sub, jti: payload.jti, exp: payload.exp, iat: payload.iat ?? 0 };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('expired', 'token expired');
    throw new InvalidTokenError('invalid', 'token invalid');
  }
}

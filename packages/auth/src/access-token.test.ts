import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { InvalidTokenError, signAccessToken, verifyAccessToken } from './access-token.ts';

const secret = 'a'.repeat(32);

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return error instanceof InvalidTokenError ? error.reason : 'other';
  }
}

describe('access tokens', () => {
  it('round-trips the user id with a unique jti', async () => {
    const a = await signAccessToken(secret, 42);
    const b = await signAccessToken(secret, 42);
    const claims = await verifyAccessToken(secret, a.token);
    expect(claims.sub).toBe('42');
    expect(claims.jti).not.toBe(b.claims.jti);
  });

  it('refuses a token signed with another secret', async () => {
    const { token } = await signAccessToken('b'.repeat(32), 1);
    expect(await reasonOf(verifyAccessToken(secret, token))).toBe('invalid');
  });

  it('refuses a tampered payload', async () => {
    const { token } = await signAccessToken(secret, 1);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: '2' }),
    );
    expect(
      await reasonOf(verifyAccessToken(secret, `${h}.${forged.toString('base64url')}.${s}`)),
    ).toBe('invalid');
  });

  it('refuses an expired token as expired', async () => {
    const { token } = await signAccessToken(secret, 1, -10);
    expect(await reasonOf(verifyAccessToken(secret, token))).toBe('expired');
  });

  it('refuses a token using another algorithm (algorithm pinned)', async () => {
    const token = await new SignJWT({ jti: 'x' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('1')
      .setIssuer('pluma')
      .setAudience('pluma')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    expect(await reasonOf(verifyAccessToken(secret, token))).toBe('invalid');
  });
});

describe('session claim', () => {
  it('carries the session (refresh family) id when given', async () => {
    const { token } = await signAccessToken(secret, 3, 60, { sessionId: 'fam-1' });
    const claims = await verifyAccessToken(secret, token);
    expect(claims.sid).toBe('fam-1');
    expect(claims.iat).toBeCloseTo(Date.now() / 1000, 0);
  });
});

import { describe, expect, it } from 'vitest';
import { tokenExpiry, tokenRefreshWait } from './token-expiry.ts';

const jwt = (claims: object) =>
  `e30.${btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.sig`;

describe('token expiry', () => {
  it('reads the exp claim', () => {
    expect(tokenExpiry(jwt({ sub: '7', exp: 1_900_000_000 }))).toBe(1_900_000_000);
    expect(tokenExpiry('not a token')).toBeNull();
    expect(tokenExpiry(jwt({ sub: '7' }))).toBeNull();
  });

  it('waits until the API client will refresh before answering the server’s request for a new token', () => {
    const now = 1_900_000_000_000;
    // The server asks 60 s before expiry: wait 35 s, until 25 s are left.
    expect(tokenRefreshWait(jwt({ exp: now / 1000 + 60 }), now)).toBe(35_000);
    // Already inside the refresh window, or expired: no wait.
    expect(tokenRefreshWait(jwt({ exp: now / 1000 + 20 }), now)).toBe(0);
    expect(tokenRefreshWait(jwt({ exp: now / 1000 - 5 }), now)).toBe(0);
    // Far from expiry (a clock far off): do not hold the request.
    expect(tokenRefreshWait(jwt({ exp: now / 1000 + 3600 }), now)).toBe(0);
  });
});

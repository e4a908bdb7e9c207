/** The `exp` claim (seconds since the epoch) of a JWT, or null when it cannot be read. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp : null;
  } catch {
    return null;
  }
}

/** The API client refreshes an access token only in its last 30 s; aim inside that window. */
const REFRESH_WINDOW_MS = 25_000;
/** Never hold a token request longer than this (a clock far off, an unusual token). */
const LONGEST_WAIT_MS = 5 * 60_000;

/**
 * How long to wait before asking the API client for the token to send on an open connection:
 * the collab server asks a minute before expiry, the client would still hand out the same token
 * then, so wait until it will refresh. 0 when the token can be sent now.
 */
export function tokenRefreshWait(token: string, now = Date.now()): number {
  const exp = tokenExpiry(token);
  if (exp === null) return 0;
  const wait = exp * 1000 - REFRESH_WINDOW_MS - now;
  return wait > 0 && wait <= LONGEST_WAIT_MS ? wait : 0;
}

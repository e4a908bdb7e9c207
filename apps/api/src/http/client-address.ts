import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The caller's IP address, for per-client rate limits. With `trustedHops` reverse proxies in
 * front, the address is that many entries from the right of X-Forwarded-For (entries further left
 * are the client's own claims and cannot be trusted); otherwise the socket's peer.
 */
export function clientAddress(c: Context, trustedHops: number): string {
  if (trustedHops > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const address = chain[chain.length - trustedHops];
    if (address) return address;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No socket (app.request() in tests, or a runtime without one).
    return 'unknown';
  }
}

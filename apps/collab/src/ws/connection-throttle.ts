import type { IncomingMessage } from 'node:http';

export interface ConnectionThrottleOptions {
  /** Attempts allowed per client address per window. */
  max: number;
  windowMs: number;
  /** Leave loopback peers unthrottled (local tools, benchmarks, the dev gateway without X-Forwarded-For). */
  exemptLoopback: boolean;
}

export interface ConnectionThrottle {
  /** Counts an upgrade attempt; false when the client has used up its window. */
  allow(request: IncomingMessage): boolean;
  stop(): void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function isTrustedProxy(address: string): boolean {
  return (
    LOOPBACK.has(address) ||
    /^(::ffff:)?(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address) ||
    /^f[cd][0-9a-f]{2}:/i.test(address)
  );
}

/** The client's address: the first X-Forwarded-For hop when the peer is our own proxy, else the peer. */
function clientAddress(request: IncomingMessage): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first && isTrustedProxy(peer) ? first : peer;
}

/** Fixed-window throttle of WebSocket upgrade attempts per client address (per node). */
export function createConnectionThrottle(options: ConnectionThrottleOptions): ConnectionThrottle {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  }, options.windowMs);
  sweep.unref();
  return {
    allow(request) {
      const forwarded = request.headers['x-forwarded-for'] !== undefined;
      const peer = request.socket.remoteAddress ?? 'unknown';
      if (options.exemptLoopback && !forwarded && LOOPBACK.has(peer)) return true;
      const key = clientAddress(request);
      const now = Date.now();
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + options.windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count <= options.max;
    },
    stop() {
      clearInterval(sweep);
    },
  };
}

import { inject } from 'vitest';

/** The platform's one origin, as the browser tests' global setup started it. */
export function origin(): string {
  return inject('origin');
}

let clients = 0;

/**
 * A client address of its own for each simulated person. The platform runs for the browser
 * tests as if behind one more proxy (TRUSTED_PROXY_HOPS=2, like a CDN in front of the gateway),
 * so the API takes the address from X-Forwarded-For: the per-address sign-up and sign-in limits
 * then apply to each test person, as they do to real people on their own connections, instead
 * of to the whole suite sharing 127.0.0.1.
 */
export function newClientAddress(): string {
  clients += 1;
  return `10.${process.pid % 250}.${Math.floor(clients / 250) % 250}.${(clients % 250) + 1}`;
}

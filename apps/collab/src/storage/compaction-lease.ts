import { randomBytes } from 'node:crypto';
import type { Redis } from '@pluma/runtime';

/** Deletes the key only if it still holds our token (the lease may have expired and moved on). */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface Lease {
  release(): Promise<void>;
}

/**
 * A Redis lease (SET NX PX) naming the one node that compacts a document; null when another
 * node holds it. The lease expires on its own if its holder dies.
 */
export async function acquireCompactionLease(
  redis: Redis,
  prefix: string,
  documentName: string,
  nodeId: string,
  ttlMs: number,
): Promise<Lease | null> {
  const key = `${prefix}collab:compaction:${documentName}`;
  const token = `${nodeId}:${randomBytes(6).toString('hex')}`;
  const acquired = await redis.set(key, token, {
    condition: 'NX',
    expiration: { type: 'PX', value: ttlMs },
  });
  if (acquired !== 'OK') return null;
  return {
    async release() {
      await redis.eval(RELEASE, { keys: [key], arguments: [token] });
    },
  };
}

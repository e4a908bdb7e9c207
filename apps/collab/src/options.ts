import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Tunables of a collab node; defaults suit production, tests shrink them. */
export interface CollabOptions {
  /** Identifies this node to its peers (extension-redis) and as the holder of compaction leases. */
  nodeId: string;
  /** Largest WebSocket message accepted; a larger one closes the connection (1009). */
  maxMessageBytes: number;
  /** Document connections one node accepts per document. */
  maxConnectionsPerDocument: number;
  /** Connection attempts per client address per window; loopback peers are exempt when asked. */
  connectionAttempts: { max: number; windowMs: number; exemptLoopback: boolean };
  /** Compact when the log of a document passes either threshold. */
  compaction: { maxLogRows: number; maxLogBytes: number; leaseMs: number };
  /** Bounded retries of a transient database error before an edit is refused. */
  storeRetry: { attempts: number; baseDelayMs: number; maxDelayMs: number };
  /** A page idle this long after a change gets a sentiment.score job. */
  idleJobDelayMs: number;
  /** extension-redis: wait before unloading so last syncs between nodes land. */
  redisDisconnectDelayMs: number;
  /** Ask the provider for a fresh token this long before the current one expires. */
  tokenRefreshLeadSeconds: number;
  /** Hocuspocus closes a socket that has been silent this long. */
  idleSocketTimeoutMs: number;
}

/** Options with every default filled in. */
export function resolveCollabOptions(overrides: Partial<CollabOptions> = {}): CollabOptions {
  return {
    nodeId: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    maxMessageBytes: 2 * 1024 * 1024,
    maxConnectionsPerDocument: 200,
    connectionAttempts: { max: 60, windowMs: 10_000, exemptLoopback: true },
    compaction: { maxLogRows: 500, maxLogBytes: 1024 * 1024, leaseMs: 30_000 },
    storeRetry: { attempts: 6, baseDelayMs: 50, maxDelayMs: 2000 },
    idleJobDelayMs: 2000,
    redisDisconnectDelayMs: 1000,
    tokenRefreshLeadSeconds: 60,
    idleSocketTimeoutMs: 60_000,
    ...overrides,
  };
}

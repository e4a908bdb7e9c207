import type { MikroORM } from '@pluma/db';
import type { Redis } from '@pluma/runtime';
import type { Logger } from '@pluma/telemetry/logger';
import { acquireCompactionLease } from './compaction-lease.ts';
import { compactDocument } from './document-store.ts';
import type { RetryPolicy } from './transient-db-error.ts';

/** 'compacted': this node folded the log; 'nothing': the log was empty; 'busy': another node holds the lease. */
export type CompactionOutcome = 'compacted' | 'nothing' | 'busy';

export interface CompactorStats {
  compactions: number;
  rowsMerged: number;
  busy: number;
}

export interface Compactor {
  compact(documentName: string): Promise<CompactionOutcome>;
  readonly stats: CompactorStats;
}

export interface CompactorDeps {
  orm: MikroORM;
  redis: Redis;
  redisPrefix: string;
  nodeId: string;
  leaseMs: number;
  retry: RetryPolicy;
  log: Logger;
}

/** Compacts a document under the cluster-wide lease, so exactly one node compacts it at a time. */
export function createCompactor(deps: CompactorDeps): Compactor {
  const stats: CompactorStats = { compactions: 0, rowsMerged: 0, busy: 0 };
  const running = new Map<string, Promise<CompactionOutcome>>();

  async function run(documentName: string): Promise<CompactionOutcome> {
    const lease = await acquireCompactionLease(
      deps.redis,
      deps.redisPrefix,
      documentName,
      deps.nodeId,
      deps.leaseMs,
    );
    if (!lease) {
      stats.busy += 1;
      return 'busy';
    }
    try {
      let merged = 0;
      for (;;) {
        const result = await compactDocument(deps.orm, documentName, deps.retry, deps.log);
        merged += result.merged;
        if (!result.remaining) break;
      }
      if (merged === 0) return 'nothing';
      stats.compactions += 1;
      stats.rowsMerged += merged;
      deps.log.debug({ documentName, merged }, 'document compacted');
      return 'compacted';
    } finally {
      await lease.release().catch((error: unknown) => {
        deps.log.warn(
          { err: error, documentName },
          'compaction lease release failed; it will expire',
        );
      });
    }
  }

  return {
    stats,
    compact(documentName) {
      // One compaction per document per node at a time; callers share the running one.
      let pending = running.get(documentName);
      if (!pending) {
        pending = run(documentName).finally(() => running.delete(documentName));
        running.set(documentName, pending);
      }
      return pending;
    },
  };
}

import type { CompactionOutcome, Compactor } from '../storage/compactor.ts';
import type { CollabMetrics } from './collab-metrics.ts';
import { withCollabSpan } from './collab-span.ts';

export const COMPACTION_OUTCOME_ATTRIBUTE = 'pluma.collab.compaction.outcome';

/**
 * The compactor with a `collab compact` span per compaction and its duration recorded (only when
 * this node folded rows; a busy lease or an empty log is not a compaction). Callers that ask while
 * one is running share it, as the compactor does, so one compaction is one span and one sample.
 */
export function traceCompactions(compactor: Compactor, metrics: CollabMetrics): Compactor {
  const running = new Map<string, Promise<CompactionOutcome>>();
  return {
    stats: compactor.stats,
    compact(documentName) {
      let pending = running.get(documentName);
      if (!pending) {
        pending = withCollabSpan('collab compact', documentName, async (span) => {
          const started = performance.now();
          const outcome = await compactor.compact(documentName);
          span.setAttribute(COMPACTION_OUTCOME_ATTRIBUTE, outcome);
          if (outcome === 'compacted')
            metrics.recordCompaction((performance.now() - started) / 1000);
          return outcome;
        }).finally(() => running.delete(documentName));
        running.set(documentName, pending);
      }
      return pending;
    },
  };
}

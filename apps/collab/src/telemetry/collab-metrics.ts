import { metrics, type Attributes, type BatchObservableCallback } from '@opentelemetry/api';
import { REFUSAL_REASONS, refusalReason, type RefusalReason } from './refusal-reason.ts';
import type { CloseEvent } from '@hocuspocus/common';

/** What the gauges read, at collection time only. */
export interface CollabGaugeSource {
  /** Client sockets with at least one document open. */
  connections(): number;
  documents(): number;
}

export interface CollabMetrics {
  /** An update received from an editor (pluma_collab_updates_total). */
  countUpdate(): void;
  /**
   * Seconds an append took, from the call to the commit (queueing for a group commit included);
   * a failed append is recorded too, after its retries, so a struggling database shows in p99.
   */
  recordAppend(seconds: number): void;
  recordCompaction(seconds: number): void;
  /** Counts a refused connection under the label its close event maps to; returns that label. */
  countRefusal(event: CloseEvent | RefusalReason): RefusalReason;
  /** Starts reporting the gauges from this source. */
  observe(source: CollabGaugeSource): void;
  /** Stops reporting the gauges (the server closed). */
  stop(): void;
}

/** Appends are a round trip or two to MySQL: 1 ms to 2.5 s. */
const APPEND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** A compaction reads and rewrites a document's state: 5 ms to 10 s. */
const COMPACTION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Collab's instruments on the global meter provider (whatever SDK the process started; no-ops
 * otherwise). Created per server, not at import: the metrics API has no proxy provider, so an
 * instrument made before the SDK starts would stay a no-op. Names are given in their Prometheus
 * form, so every exporter (Prometheus, or OTLP through the collector) yields the names in
 * observability/metrics.md.
 */
export function createCollabMetrics(): CollabMetrics {
  const meter = metrics.getMeter('pluma-collab');
  const updates = meter.createCounter('pluma_collab_updates_total', {
    description: 'Yjs updates received from editors',
  });
  const appendDuration = meter.createHistogram('pluma_collab_append_duration_seconds', {
    description: 'Durable append of an update to yjs_update, until committed',
    unit: 's',
    advice: { explicitBucketBoundaries: APPEND_BUCKETS },
  });
  const compactionDuration = meter.createHistogram('pluma_collab_compaction_duration_seconds', {
    description: 'Compaction of a document log into its state',
    unit: 's',
    advice: { explicitBucketBoundaries: COMPACTION_BUCKETS },
  });
  const refused = meter.createCounter('pluma_collab_connections_refused_total', {
    description: 'Connections refused, by reason',
  });
  const connections = meter.createObservableGauge('pluma_collab_connections', {
    description: 'Client connections open on this node',
  });
  const documentsOpen = meter.createObservableGauge('pluma_collab_documents_open', {
    description: 'Documents open on this node',
  });

  // One attributes object per reason, made once: counting a refusal allocates nothing.
  const reasonAttributes = new Map<RefusalReason, Attributes>(
    REFUSAL_REASONS.map((reason) => [reason, { reason }]),
  );
  // Every counter series exists from start-up, so rate() and alerts see a 0 before the first event.
  updates.add(0);
  for (const attributes of reasonAttributes.values()) refused.add(0, attributes);

  let observer: BatchObservableCallback | undefined;

  return {
    countUpdate: () => updates.add(1),
    recordAppend: (seconds) => appendDuration.record(seconds),
    recordCompaction: (seconds) => compactionDuration.record(seconds),
    countRefusal(event) {
      const reason = typeof event === 'string' ? event : refusalReason(event);
      refused.add(1, reasonAttributes.get(reason));
      return reason;
    },
    observe(source) {
      if (observer) meter.removeBatchObservableCallback(observer, [connections, documentsOpen]);
      observer = (result) => {
        result.observe(connections, source.connections());
        result.observe(documentsOpen, source.documents());
      };
      meter.addBatchObservableCallback(observer, [connections, documentsOpen]);
    },
    stop() {
      if (observer) meter.removeBatchObservableCallback(observer, [connections, documentsOpen]);
      observer = undefined;
    },
  };
}

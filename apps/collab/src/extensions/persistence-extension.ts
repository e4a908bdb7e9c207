import type {
  Extension,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  onLoadDocumentPayload,
} from '@hocuspocus/server';
import { SpanStatusCode } from '@opentelemetry/api';
import type { MikroORM } from '@pluma/db';
import type { Logger } from '@pluma/telemetry/logger';
import * as Y from 'yjs';
import { EditNotSaved, MalformedMessage } from '../close-events.ts';
import { closeSocket } from '../connections.ts';
import type { CollabContext } from '../deps.ts';
import type { Compactor } from '../storage/compactor.ts';
import { applyStoredUpdates, measureLog, readStoredDocument } from '../storage/document-store.ts';
import type { RetryPolicy } from '../storage/transient-db-error.ts';
import type { UpdateLog } from '../storage/update-log.ts';
import { isWellFormedUpdate } from '../storage/update-validity.ts';
import type { CollabMetrics } from '../telemetry/collab-metrics.ts';
import { withCollabSpan } from '../telemetry/collab-span.ts';

/** y-protocols sync message types, as beforeSync reports them. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export interface PersistenceExtensionDeps {
  orm: MikroORM;
  log: Logger;
  updateLog: UpdateLog;
  compactor: Compactor;
  retry: RetryPolicy;
  compaction: { maxLogRows: number; maxLogBytes: number };
  metrics: CollabMetrics;
}

/**
 * Durable acknowledgement: every update is appended to yjs_update in beforeSync, which
 * Hocuspocus awaits before it applies the update and acknowledges it (SyncStatus). An update
 * that cannot be stored is never applied nor acknowledged: the socket is reset and the provider,
 * which still holds the edit, sends it again. Loads read the compacted state plus the log;
 * the log is compacted when it grows past a threshold and when the document unloads.
 */
export class PersistenceExtension implements Extension<CollabContext> {
  extensionName = 'persistence';
  private readonly deps: PersistenceExtensionDeps;
  /** Approximate size of each open document's log, to decide when to compact. */
  private readonly logSizes = new Map<string, { rows: number; bytes: number }>();
  private readonly compacting = new Set<string>();
  private readonly retryCompactionAt = new Map<string, number>();
  /** Updates applied in memory (relayed to peers) whose append failed, per document, oldest first. */
  private readonly unstored = new Map<string, Uint8Array[]>();

  constructor(deps: PersistenceExtensionDeps) {
    this.deps = deps;
  }

  onLoadDocument({ document, documentName }: onLoadDocumentPayload<CollabContext>) {
    return withCollabSpan('collab load', documentName, async () => {
      const stored = await readStoredDocument(this.deps.orm, documentName, this.deps.retry);
      applyStoredUpdates(document, stored.updates, this.deps.log, documentName);
      this.logSizes.set(documentName, { rows: stored.logRows, bytes: stored.logBytes });
      this.maybeCompact(documentName);
    });
  }

  async beforeSync({
    type,
    payload,
    connection,
    document,
    documentName,
  }: beforeSyncPayload<CollabContext>) {
    // Read-only connections store nothing: Hocuspocus answers their updates with SyncStatus(false).
    if (connection.readOnly) return;
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    if (!isWellFormedUpdate(payload)) {
      closeSocket(connection, MalformedMessage);
      throw MalformedMessage;
    }
    if (type === SYNC_UPDATE) this.deps.metrics.countUpdate();
    // The client's SyncStep2 on (re)connect often holds nothing new: no row for it, unless
    // earlier updates of this document are still waiting to be stored (see below).
    const pending = this.unstored.get(documentName) ?? [];
    const nothingNew =
      type === SYNC_STEP_2 && Y.snapshotContainsUpdate(Y.snapshot(document), payload);
    if (nothingNew && pending.length === 0) return;
    if (type === SYNC_UPDATE) {
      // Peers need not wait for the disk: apply the update now, which broadcasts it (and hands it
      // to the Redis extension), exactly as Hocuspocus would after this hook. Only the sender's
      // acknowledgement waits for the append below. Hocuspocus's own apply after this hook then
      // finds nothing new, so nothing is broadcast twice.
      Y.applyUpdate(document, payload, { source: 'connection', connection });
    }
    // Updates applied in memory whose append failed go first, in the same row: nothing is
    // acknowledged on this document (not even an empty SyncStep2) while they are unstored, and no
    // later update that builds on them is stored without them.
    const batch = nothingNew ? pending : [...pending, payload];
    try {
      await this.append(documentName, batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch));
    } catch {
      if (type === SYNC_UPDATE)
        this.unstored.set(documentName, [...(this.unstored.get(documentName) ?? []), payload]);
      closeSocket(connection, EditNotSaved);
      throw EditNotSaved;
    }
    if (pending.length > 0) {
      const left = (this.unstored.get(documentName) ?? []).filter(
        (update) => !pending.includes(update),
      );
      if (left.length > 0) this.unstored.set(documentName, left);
      else this.unstored.delete(documentName);
    }
    const size = this.logSizes.get(documentName) ?? { rows: 0, bytes: 0 };
    size.rows += 1;
    size.bytes += payload.byteLength;
    this.logSizes.set(documentName, size);
    this.maybeCompact(documentName);
  }

  async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload) {
    this.logSizes.delete(documentName);
    this.retryCompactionAt.delete(documentName);
    // Never acknowledged to anyone: their senders still hold them and send them again.
    this.unstored.delete(documentName);
    // Reopened meanwhile (a quick reconnect): it is compacted when it unloads again.
    if (instance.documents.has(documentName)) return;
    await withCollabSpan('collab unload', documentName, async (span) => {
      try {
        await this.deps.compactor.compact(documentName);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'compaction on unload failed' });
        this.deps.log.error(
          { err: error, documentName },
          'compaction on unload failed; the log stays and is read on load',
        );
      }
    });
  }

  /**
   * The durable append, traced as `collab append` (the INSERT's span nests under it) and timed
   * into the append histogram: one span, one timer and one histogram sample per append.
   */
  private append(documentName: string, update: Uint8Array): Promise<void> {
    return withCollabSpan('collab append', documentName, async () => {
      const started = performance.now();
      try {
        await this.deps.updateLog.append(documentName, update);
      } finally {
        this.deps.metrics.recordAppend((performance.now() - started) / 1000);
      }
    });
  }

  /** Starts a background compaction when the log passed a threshold (never on the edit's path). */
  private maybeCompact(documentName: string) {
    const size = this.logSizes.get(documentName);
    const { maxLogRows, maxLogBytes } = this.deps.compaction;
    if (!size || (size.rows < maxLogRows && size.bytes < maxLogBytes)) return;
    if (
      this.compacting.has(documentName) ||
      (this.retryCompactionAt.get(documentName) ?? 0) > Date.now()
    )
      return;
    this.compacting.add(documentName);
    void this.compactInBackground(documentName).finally(() => this.compacting.delete(documentName));
  }

  private async compactInBackground(documentName: string) {
    try {
      // Other nodes append to (and compact) the same log: decide on its real size.
      const actual = await measureLog(this.deps.orm, documentName);
      if (
        actual.rows >= this.deps.compaction.maxLogRows ||
        actual.bytes >= this.deps.compaction.maxLogBytes
      ) {
        const outcome = await this.deps.compactor.compact(documentName);
        if (outcome === 'busy') this.retryCompactionAt.set(documentName, Date.now() + 1000);
      }
      if (this.logSizes.has(documentName))
        this.logSizes.set(documentName, await measureLog(this.deps.orm, documentName));
    } catch (error) {
      this.retryCompactionAt.set(documentName, Date.now() + 5000);
      this.deps.log.error({ err: error, documentName }, 'background compaction failed');
    }
  }
}

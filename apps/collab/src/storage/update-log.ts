import { context, type Context } from '@opentelemetry/api';
import type { MikroORM } from '@pluma/db';
import type { Logger } from '@pluma/telemetry/logger';
import { retryTransient, type RetryPolicy } from './transient-db-error.ts';

interface PendingAppend {
  documentName: string;
  update: Buffer;
  /** The appender's trace context (its `collab append` span), for the INSERT that carries it. */
  context: Context;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface UpdateLogStats {
  /** Rows appended and INSERT statements used (rows / commits = the average batch). */
  rows: number;
  commits: number;
  failures: number;
}

export interface UpdateLog {
  /** Resolves once the update is committed to yjs_update; rejects if it could not be, after retries. */
  append(documentName: string, update: Uint8Array): Promise<void>;
  /** Resolves when nothing is waiting or being written. */
  idle(): Promise<void>;
  readonly stats: UpdateLogStats;
}

/** One INSERT carries at most this much, well under max_allowed_packet (16 MiB on MariaDB). */
const MAX_BATCH_ROWS = 500;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

function takeBatch(queue: PendingAppend[]): PendingAppend[] {
  let bytes = 0;
  let count = 0;
  while (count < queue.length && count < MAX_BATCH_ROWS) {
    const size = queue[count]!.update.byteLength;
    if (count > 0 && bytes + size > MAX_BATCH_BYTES) break;
    bytes += size;
    count++;
  }
  return queue.splice(0, count);
}

/**
 * The durable append of Yjs updates, group-committed: an update is written at once when no
 * commit is in flight; updates arriving while one is in flight share the next multi-row INSERT.
 * So a lone editor pays one round trip, and many editors share them instead of queueing.
 */
export function createUpdateLog(orm: MikroORM, retry: RetryPolicy, log: Logger): UpdateLog {
  const queue: PendingAppend[] = [];
  // Cleared synchronously when the loop finds the queue empty: an append made by a continuation
  // of the last batch (the same connection's next message) must start a new drain, not wait on
  // one that already ended.
  let draining = false;
  let current: Promise<void> = Promise.resolve();
  const stats: UpdateLogStats = { rows: 0, commits: 0, failures: 0 };

  async function insert(batch: PendingAppend[]) {
    const now = new Date();
    const sql =
      'INSERT INTO yjs_update (document_name, `update`, created_at) VALUES ' +
      batch.map(() => '(?, ?, ?)').join(', ');
    const params = batch.flatMap((item) => [item.documentName, item.update, now]);
    // Re-running the INSERT after an ambiguous failure may store a row twice: harmless, applying a
    // Yjs update again changes nothing, and compaction folds the duplicate away.
    await retryTransient(
      () => orm.em.fork().execute(sql, params, { method: 'run', connectionType: 'write' }),
      retry,
      (error, attempt) =>
        log.warn({ err: error, attempt, rows: batch.length }, 'retrying update append'),
    );
  }

  async function drain() {
    try {
      while (queue.length > 0) {
        const batch = takeBatch(queue);
        try {
          // The loop runs in the context of whoever started it; each INSERT belongs to its batch.
          await context.with(batch[0]!.context, () => insert(batch));
          stats.rows += batch.length;
          stats.commits += 1;
          for (const item of batch) item.resolve();
        } catch (error) {
          stats.failures += 1;
          log.error({ err: error, rows: batch.length }, 'update append failed');
          for (const item of batch) item.reject(error);
        }
      }
    } finally {
      // Runs in the same turn as the last emptiness check (no await in between).
      draining = false;
    }
  }

  return {
    stats,
    append(documentName, update) {
      return new Promise<void>((resolve, reject) => {
        // A copy: the payload is a view into the socket's frame buffer.
        queue.push({
          documentName,
          update: Buffer.from(update),
          context: context.active(),
          resolve,
          reject,
        });
        if (!draining) {
          draining = true;
          current = drain();
        }
      });
    },
    async idle() {
      while (draining) await current;
    },
  };
}

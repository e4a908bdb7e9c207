import type { MikroORM } from '@pluma/db';
import type { Logger } from '@pluma/telemetry/logger';
import * as Y from 'yjs';
import { retryTransient, type RetryPolicy } from './transient-db-error.ts';

interface LogRow {
  id: number | string;
  update: Buffer;
}

/** Rows merged by one compaction at most; a longer log is folded over several runs. */
const COMPACT_BATCH_ROWS = 5000;
const DELETE_CHUNK = 1000;

/** Bytes of an empty document: the initial state of a yjs_document row. */
const EMPTY_STATE = Buffer.from(Y.encodeStateAsUpdate(new Y.Doc()));

/**
 * Applies stored updates to a document: merged in one go, or one by one when a row cannot be
 * read, so a damaged row costs its own content and never the document. Returns the rows skipped.
 */
export function applyStoredUpdates(
  doc: Y.Doc,
  updates: Uint8Array[],
  log: Logger,
  documentName: string,
): number {
  if (updates.length === 0) return 0;
  try {
    Y.applyUpdate(doc, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
    return 0;
  } catch {
    let skipped = 0;
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update);
      } catch (error) {
        skipped += 1;
        log.error(
          { err: error, documentName, bytes: update.byteLength },
          'skipped an unreadable stored update',
        );
      }
    }
    return skipped;
  }
}

export interface StoredDocument {
  /** The compacted state followed by every log row still in yjs_update. */
  updates: Uint8Array[];
  logRows: number;
  logBytes: number;
}

/**
 * Reads a document: the log first, then the compacted state. In this order a compaction that
 * commits in between can only make us read some updates twice (harmless), never miss one.
 * Always on the primary: a replica may lag behind an acknowledged edit.
 */
export async function readStoredDocument(
  orm: MikroORM,
  documentName: string,
  retry: RetryPolicy,
): Promise<StoredDocument> {
  return retryTransient(async () => {
    const em = orm.em.fork();
    const rows = await em.execute<LogRow[]>(
      'SELECT id, `update` FROM yjs_update WHERE document_name = ? ORDER BY id',
      [documentName],
      { connectionType: 'write' },
    );
    const state = await em.execute<{ state: Buffer }[]>(
      'SELECT state FROM yjs_document WHERE document_name = ?',
      [documentName],
      { connectionType: 'write' },
    );
    const updates: Uint8Array[] = [];
    if (state[0] && state[0].state.byteLength > 0) updates.push(state[0].state);
    let logBytes = 0;
    for (const row of rows) {
      updates.push(row.update);
      logBytes += row.update.byteLength;
    }
    return { updates, logRows: rows.length, logBytes };
  }, retry);
}

/** The whole stored state of a document as one update (what a fresh client would receive). */
export async function loadDocumentState(
  orm: MikroORM,
  documentName: string,
  retry: RetryPolicy,
  log: Logger,
): Promise<Uint8Array> {
  const stored = await readStoredDocument(orm, documentName, retry);
  const doc = new Y.Doc();
  try {
    applyStoredUpdates(doc, stored.updates, log, documentName);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Rows and bytes in the log of a document. */
export async function measureLog(
  orm: MikroORM,
  documentName: string,
): Promise<{ rows: number; bytes: number }> {
  const [row] = await orm.em
    .fork()
    .execute<{ rows: number | string; bytes: number | string | null }[]>(
      'SELECT COUNT(*) AS `rows`, SUM(LENGTH(`update`)) AS bytes FROM yjs_update WHERE document_name = ?',
      [documentName],
      { connectionType: 'write' },
    );
  return { rows: Number(row?.rows ?? 0), bytes: Number(row?.bytes ?? 0) };
}

export interface CompactionResult {
  /** Log rows folded into the state (0: nothing to do). */
  merged: number;
  /** Rows still in the log afterwards (beyond one run's batch). */
  remaining: boolean;
}

/**
 * Folds the log of a document into its compacted state, in one transaction: lock the state row,
 * read the log, merge (garbage-collecting deleted content), write the state, delete exactly the
 * rows merged. Rows appended meanwhile are not touched, so nothing acknowledged is lost.
 */
export async function compactDocument(
  orm: MikroORM,
  documentName: string,
  retry: RetryPolicy,
  log: Logger,
): Promise<CompactionResult> {
  return retryTransient(
    () =>
      orm.em.fork().transactional(async (em) => {
        // Creates the row if missing and takes its lock either way: compactions of a document queue here.
        await em.execute(
          'INSERT INTO yjs_document (document_name, state, last_update_id, updated_at) VALUES (?, ?, 0, ?) ' +
            'ON DUPLICATE KEY UPDATE document_name = document_name',
          [documentName, EMPTY_STATE, new Date()],
          'run',
        );
        const [current] = await em.execute<{ state: Buffer; last_update_id: number | string }[]>(
          'SELECT state, last_update_id FROM yjs_document WHERE document_name = ? FOR UPDATE',
          [documentName],
        );
        const rows = await em.execute<LogRow[]>(
          'SELECT id, `update` FROM yjs_update WHERE document_name = ? ORDER BY id LIMIT ?',
          [documentName, COMPACT_BATCH_ROWS + 1],
        );
        const batch = rows.slice(0, COMPACT_BATCH_ROWS);
        if (batch.length === 0) return { merged: 0, remaining: false };

        const doc = new Y.Doc({ gc: true });
        let state: Uint8Array;
        try {
          const updates: Uint8Array[] = [];
          if (current && current.state.byteLength > 0) updates.push(current.state);
          for (const row of batch) updates.push(row.update);
          applyStoredUpdates(doc, updates, log, documentName);
          state = Y.encodeStateAsUpdate(doc);
        } finally {
          doc.destroy();
        }
        const ids = batch.map((row) => Number(row.id));
        const lastId = Math.max(Number(current?.last_update_id ?? 0), ...ids);
        await em.execute(
          'UPDATE yjs_document SET state = ?, last_update_id = ?, updated_at = ? WHERE document_name = ?',
          [Buffer.from(state), lastId, new Date(), documentName],
          'run',
        );
        for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
          const chunk = ids.slice(i, i + DELETE_CHUNK);
          await em.execute(
            `DELETE FROM yjs_update WHERE id IN (${chunk.map(() => '?').join(', ')})`,
            chunk,
            'run',
          );
        }
        return { merged: batch.length, remaining: rows.length > batch.length };
      }),
    retry,
  );
}

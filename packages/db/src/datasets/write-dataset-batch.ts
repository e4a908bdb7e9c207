import type { EntityManager } from '@mikro-orm/mysql';
import type { Dataset } from './datasets.ts';
import { sqlString } from './sql-literal.ts';

/** A row that was not inserted: where it was, why, and the row as it was written. */
export interface Rejection {
  line: number;
  reason: string;
  raw: string;
}

/** The part of an ingestion run a batch covers, stored as its checkpoint. */
export interface BatchCheckpoint {
  uploadId: number;
  batchNo: number;
  firstLine: number;
  lastLine: number;
  endByte: number;
  rowsRead: number;
}

export interface DatasetBatch {
  /** SQL tuples of checked rows; at most 1,000 (one transaction each). */
  tuples: readonly string[];
  rejections?: readonly Rejection[];
  checkpoint?: BatchCheckpoint;
}

/** Longest raw row kept with a rejection (characters). */
const MAX_RAW_LENGTH = 2000;

/**
 * Writes one batch in one transaction: the rows (an upsert keyed by id, so writing it again changes
 * nothing), its rejections and, for an upload, its checkpoint. Either all of it is stored or none.
 */
export async function writeDatasetBatch(
  em: EntityManager,
  dataset: Dataset,
  batch: DatasetBatch,
): Promise<void> {
  if (batch.tuples.length > 1000) throw new RangeError('a batch holds at most 1,000 rows');
  await em.transactional(async (tx) => {
    if (batch.tuples.length > 0) await tx.execute(dataset.upsertSql(batch.tuples), [], 'run');
    const checkpoint = batch.checkpoint;
    if (!checkpoint) return;
    const rejections = batch.rejections ?? [];
    if (rejections.length > 0) {
      const values = rejections
        .map(
          (r) =>
            `(${checkpoint.uploadId},${r.line},${sqlString(r.reason.slice(0, 300))},${sqlString(r.raw.slice(0, MAX_RAW_LENGTH))})`,
        )
        .join(',');
      await tx.execute(
        `INSERT INTO \`upload_rejections\` (\`upload_id\`,\`line\`,\`reason\`,\`raw\`) VALUES ${values} ` +
          'ON DUPLICATE KEY UPDATE `reason`=VALUES(`reason`),`raw`=VALUES(`raw`)',
        [],
        'run',
      );
    }
    // A plain INSERT: if another attempt already committed this batch, this one rolls back whole.
    await tx.execute(
      'INSERT INTO `upload_batches` (`upload_id`,`batch_no`,`first_line`,`last_line`,`end_byte`,`rows_read`,`rows_inserted`,`rows_rejected`,`committed_at`) VALUES (?,?,?,?,?,?,?,?,?)',
      [
        checkpoint.uploadId,
        checkpoint.batchNo,
        checkpoint.firstLine,
        checkpoint.lastLine,
        checkpoint.endByte,
        checkpoint.rowsRead,
        batch.tuples.length,
        rejections.length,
        new Date(),
      ],
      'run',
    );
  });
}

/** Totals over the committed batches of an upload. */
export interface BatchTotals {
  batches: number;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  /** Highest batch number committed, or -1. */
  lastBatchNo: number;
}

/** The batch numbers of an upload already committed (a resumed job skips them). */
export async function findCommittedBatches(
  em: EntityManager,
  uploadId: number,
): Promise<Set<number>> {
  const rows = await em.execute<{ batch_no: number }[]>(
    'SELECT `batch_no` FROM `upload_batches` WHERE `upload_id` = ?',
    [uploadId],
  );
  return new Set(rows.map((r) => Number(r.batch_no)));
}

/** Sums the counts of an upload's committed batches. */
export async function sumCommittedBatches(
  em: EntityManager,
  uploadId: number,
): Promise<BatchTotals> {
  const [row] = await em.execute<Record<string, string | number | null>[]>(
    'SELECT COUNT(*) AS batches, COALESCE(SUM(`rows_read`),0) AS rows_read, COALESCE(SUM(`rows_inserted`),0) AS rows_inserted, ' +
      'COALESCE(SUM(`rows_rejected`),0) AS rows_rejected, COALESCE(MAX(`batch_no`),-1) AS last_batch_no FROM `upload_batches` WHERE `upload_id` = ?',
    [uploadId],
  );
  return {
    batches: Number(row?.batches ?? 0),
    rowsRead: Number(row?.rows_read ?? 0),
    rowsInserted: Number(row?.rows_inserted ?? 0),
    rowsRejected: Number(row?.rows_rejected ?? 0),
    lastBatchNo: Number(row?.last_batch_no ?? -1),
  };
}

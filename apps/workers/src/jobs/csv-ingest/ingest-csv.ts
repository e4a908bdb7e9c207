import { CsvError } from 'csv-parse';
import {
  IdSet,
  duplicateIdReason,
  toCsvLine,
  type Dataset,
  type References,
  type Rejection,
} from '@pluma/db';
import { createContentCheck } from './content-check.ts';
import { createCsvRecords } from './csv-records.ts';
import { IngestFailure } from './ingest-failure.ts';

/** Records per batch: at most this many rows are inserted per transaction. */
export const BATCH_RECORDS = 1000;
/** A file whose first this-many rows (or all, if fewer) are all invalid is rejected as a whole. */
export const FIRST_ROWS_CHECKED = 100;
/** Longest record accepted (bytes); a longer one usually means a quote that never closes. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** A run of consecutive records: written in one transaction together with its checkpoint. */
export interface PreparedBatch {
  batchNo: number;
  firstLine: number;
  lastLine: number;
  /** Bytes of the file read when the batch closed (for progress). */
  endByte: number;
  rowsRead: number;
  tuples: string[];
  rejections: Rejection[];
}

export interface IngestCsvOptions {
  source: AsyncIterable<Buffer>;
  dataset: Dataset;
  refs: References;
  /** Batches already committed by an earlier attempt: parsed again (for duplicate ids), not written. */
  committed: ReadonlySet<number>;
  /** Batches written at once, each in its own transaction. */
  parallel: number;
  write(batch: PreparedBatch): Promise<void>;
  /** Called in batch order once a batch and all before it are stored. */
  onStored?(batch: PreparedBatch, written: boolean): void;
}

export interface IngestCsvResult {
  batches: number;
  bytes: number;
}

/**
 * Streams a CSV through csv-parse and the data set's checks into batches of at most 1,000 rows,
 * writing up to `parallel` batches at once (backpressure: the source is not read further while
 * they are busy). Nothing is written before the whole-file checks pass: the content of the first
 * 64 KiB, and at least one valid row among the first 100.
 */
export async function ingestCsv(options: IngestCsvOptions): Promise<IngestCsvResult> {
  const { dataset, refs, committed } = options;
  const content = createContentCheck();
  const parser = createCsvRecords({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const seen = new IdSet();
  const ready: PreparedBatch[] = [];
  let bytes = 0;
  let nextLine = 1;
  let records = 0;
  let validInFirstRows = 0;
  let firstProblem: string | undefined;
  let batch = newBatch(0, 1);

  function newBatch(batchNo: number, firstLine: number): PreparedBatch {
    return {
      batchNo,
      firstLine,
      lastLine: firstLine,
      endByte: 0,
      rowsRead: 0,
      tuples: [],
      rejections: [],
    };
  }

  function reject(line: number, reason: string, raw: string) {
    batch.rejections.push({ line, reason, raw });
    firstProblem ??= `line ${line}: ${reason}`;
  }

  function closeBatch() {
    batch.endByte = bytes;
    ready.push(batch);
    batch = newBatch(batch.batchNo + 1, nextLine);
  }

  const onRecord = (fields: string[]) => {
    const line = nextLine;
    nextLine += 1;
    for (const field of fields) if (field.includes('\n')) nextLine += field.split('\n').length - 1;
    // A blank line is no row.
    if (fields.length === 1 && fields[0]!.trim() === '') return;
    records += 1;
    batch.rowsRead += 1;
    batch.lastLine = line;
    const checked = dataset.check(fields, refs);
    if (typeof checked === 'string') reject(line, checked, toCsvLine(fields));
    else if (seen.has(checked.id)) reject(line, duplicateIdReason(checked.id), toCsvLine(fields));
    else {
      seen.add(checked.id);
      batch.tuples.push(checked.tuple);
      if (records <= FIRST_ROWS_CHECKED) validInFirstRows += 1;
    }
    if (batch.rowsRead === BATCH_RECORDS) closeBatch();
  };

  /** Rejects the file as a whole when none of its first rows is valid (checked before any write). */
  const assertFirstRowsUsable = () => {
    if (records === 0) throw new IngestFailure('The file has no rows.', { wholeFile: true });
    if (validInFirstRows === 0) {
      throw new IngestFailure(
        `None of the first ${Math.min(records, FIRST_ROWS_CHECKED)} rows is a valid ${dataset.name} row (${firstProblem}), so nothing was inserted. ` +
          `Is this the right data set? ${dataset.name} rows are: ${dataset.columns.join(',')}.`,
        { wholeFile: true },
      );
    }
  };

  const inflight = new Set<Promise<void>>();
  const stored = new Map<number, { batch: PreparedBatch; written: boolean }>();
  let nextToReport = 0;
  let failure: unknown;
  let dispatched = 0;

  const markStored = (b: PreparedBatch, written: boolean) => {
    stored.set(b.batchNo, { batch: b, written });
    for (let s = stored.get(nextToReport); s; s = stored.get(nextToReport)) {
      stored.delete(nextToReport);
      nextToReport += 1;
      options.onStored?.(s.batch, s.written);
    }
  };

  const dispatch = async (b: PreparedBatch) => {
    if (dispatched === 0) assertFirstRowsUsable();
    dispatched += 1;
    if (committed.has(b.batchNo)) {
      markStored(b, false);
      return;
    }
    while (inflight.size >= options.parallel) await Promise.race(inflight);
    if (failure) throw failure;
    const p: Promise<void> = options.write(b).then(
      () => markStored(b, true),
      (error: unknown) => {
        failure ??= error;
      },
    );
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  };

  const parseFailure = (error: unknown): never | void => {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // The last record runs to the end of the file inside a quote: that row alone is rejected.
      records += 1;
      batch.rowsRead += 1;
      batch.lastLine = nextLine;
      reject(nextLine, 'a quoted field is never closed (a " is missing)', '');
      return;
    }
    const tooLong = error.code === 'CSV_MAX_RECORD_SIZE';
    throw new IngestFailure(
      tooLong
        ? `Line ${nextLine}: a row is longer than ${MAX_RECORD_BYTES / 1024} KiB, usually a quote that is never closed. ` +
            'The rows before it were ingested; fix the file and upload it again (rows already in are updated, not duplicated).'
        : `Line ${nextLine}: the file is not valid CSV (${error.code}).`,
      { wholeFile: dispatched === 0 },
    );
  };

  try {
    for await (const chunk of options.source) {
      bytes += chunk.length;
      content.check(chunk);
      try {
        parser.write(chunk, onRecord);
      } catch (error) {
        parseFailure(error);
      }
      while (ready.length > 0) await dispatch(ready.shift()!);
      if (failure) throw failure;
    }
    if (bytes === 0) throw new IngestFailure('The file is empty.', { wholeFile: true });
    try {
      parser.end(onRecord);
    } catch (error) {
      parseFailure(error);
    }
    if (batch.rowsRead > 0) closeBatch();
    if (dispatched === 0 && ready.length === 0) assertFirstRowsUsable();
    while (ready.length > 0) await dispatch(ready.shift()!);
  } finally {
    // Let every started transaction finish (commit or roll back) before answering.
    await Promise.all(inflight);
  }
  if (failure) throw failure;
  return { batches: dispatched, bytes };
}

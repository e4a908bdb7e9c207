import type { EntityManager } from '@mikro-orm/mysql';
import {
  IdSet,
  duplicateIdReason,
  loadReferences,
  writeDatasetBatch,
  type Dataset,
} from '@pluma/db';

export interface RowRejection {
  /** Position of the row in the request array, from 0. */
  index: number;
  reason: string;
}

export interface InsertRowsResult {
  inserted: number;
  rejected: RowRejection[];
}

/** A JSON row as the CSV fields the data set's checks read, or why it cannot be one. */
function toFields(dataset: Dataset, row: Record<string, unknown>): string[] | string {
  const unknown = Object.keys(row).filter((key) => !dataset.columns.includes(key));
  if (unknown.length > 0)
    return `unknown field ${unknown.join(', ')}; ${dataset.name} rows have ${dataset.columns.join(', ')}`;
  const fields: string[] = [];
  for (const column of dataset.columns) {
    const value = row[column];
    if (value === undefined || value === null) fields.push('');
    else if (typeof value === 'string') fields.push(value);
    else if (typeof value === 'number' && Number.isFinite(value)) fields.push(String(value));
    else return `${column} must be a string or a number`;
  }
  return fields;
}

/**
 * Inserts up to 1,000 rows in one transaction under the rules of CSV uploads (an existing id is
 * replaced); rows that break a rule are left out and answered with their index and reason.
 */
export async function insertDatasetRows(
  em: EntityManager,
  dataset: Dataset,
  rows: Record<string, unknown>[],
): Promise<InsertRowsResult> {
  const refs = dataset.needsReferences
    ? await loadReferences(em)
    : { departments: new Set<number>(), jobs: new Set<number>() };
  const seen = new IdSet();
  const tuples: string[] = [];
  const rejected: RowRejection[] = [];
  rows.forEach((row, index) => {
    const fields = toFields(dataset, row);
    if (typeof fields === 'string') return void rejected.push({ index, reason: fields });
    const checked = dataset.check(fields, refs);
    if (typeof checked === 'string') return void rejected.push({ index, reason: checked });
    if (seen.has(checked.id))
      return void rejected.push({ index, reason: duplicateIdReason(checked.id) });
    seen.add(checked.id);
    tuples.push(checked.tuple);
  });
  if (tuples.length > 0) await writeDatasetBatch(em, dataset, { tuples });
  return { inserted: tuples.length, rejected };
}

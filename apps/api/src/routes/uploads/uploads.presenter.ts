import type { Upload } from '@pluma/db';
import type { RejectedRow } from '../../commands/list-upload-rejections.ts';
import { toCsv } from '../reports/csv.ts';
import type { UploadView } from './uploads.schema.ts';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** An upload as its uploader sees it. */
export function presentUpload(upload: Upload): UploadView {
  return {
    id: upload.id,
    dataset: upload.dataset as UploadView['dataset'],
    status: upload.status,
    progress: upload.progress,
    sizeBytes: upload.sizeBytes ?? null,
    rowsRead: upload.rowsRead,
    rowsInserted: upload.rowsInserted,
    rowsRejected: upload.rowsRejected,
    failureReason: upload.failureReason ?? null,
    createdAt: upload.createdAt.toISOString(),
    queuedAt: iso(upload.queuedAt),
    startedAt: iso(upload.startedAt),
    finishedAt: iso(upload.finishedAt),
    durationMs:
      upload.startedAt && upload.finishedAt
        ? upload.finishedAt.getTime() - upload.startedAt.getTime()
        : null,
    rejectionsUrl: `/v1/uploads/${upload.id}/rejections`,
  };
}

export const REJECTIONS_CSV_HEADER = toCsv([['line', 'reason', 'raw']]);

/** A page of rejected rows as CSV lines (line, reason, raw row). */
export function presentRejections(rows: RejectedRow[]): string {
  return toCsv(rows.map((r) => [r.line, r.reason, r.raw]));
}

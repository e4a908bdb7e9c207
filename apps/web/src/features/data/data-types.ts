/** Shapes of the data-set API (apps/api/src/routes/datasets, uploads, reports). */
export const DATASETS = [
  {
    name: 'departments',
    label: 'Departments',
    file: 'departments.csv',
    columns: 'id, department',
  },
  { name: 'jobs', label: 'Jobs', file: 'jobs.csv', columns: 'id, job' },
  {
    name: 'hired_employees',
    label: 'Hired employees',
    file: 'hired_employees.csv',
    columns: 'id, name, datetime (ISO 8601 UTC), department_id, job_id',
  },
] as const;

export type DatasetName = (typeof DATASETS)[number]['name'];
export type UploadStatus = 'receiving' | 'queued' | 'processing' | 'succeeded' | 'failed';

export interface Upload {
  id: number;
  dataset: DatasetName;
  status: UploadStatus;
  progress: number;
  sizeBytes: number | null;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  failureReason: string | null;
  createdAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  rejectionsUrl: string;
}

export interface UploadAccepted {
  uploadId: number;
  status: UploadStatus;
  statusUrl: string;
}

/** The payload of the live `upload.progress` / `upload.done` notifications (apps/workers). */
export interface UploadEvent {
  uploadId: number;
  status: UploadStatus;
  progress: number;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  reason?: string;
}

export function isFinished(status: UploadStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

export const STATUS_LABELS: Record<UploadStatus, string> = {
  receiving: 'Sending',
  queued: 'Waiting to start',
  processing: 'Reading rows',
  succeeded: 'Done',
  failed: 'Failed',
};

export function labelOf(dataset: DatasetName): string {
  return DATASETS.find((item) => item.name === dataset)?.label ?? dataset;
}

/** Reads an `upload.*` notification's payload, or null when it is not one. */
export function uploadEventOf(message: unknown): UploadEvent | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (type !== 'upload.progress' && type !== 'upload.done') return null;
  if (typeof payload !== 'object' || payload === null) return null;
  const event = payload as Partial<UploadEvent>;
  if (typeof event.uploadId !== 'number' || typeof event.status !== 'string') return null;
  return {
    uploadId: event.uploadId,
    status: event.status,
    progress: Number(event.progress ?? 0),
    rowsRead: Number(event.rowsRead ?? 0),
    rowsInserted: Number(event.rowsInserted ?? 0),
    rowsRejected: Number(event.rowsRejected ?? 0),
    ...(typeof event.reason === 'string' ? { reason: event.reason } : {}),
  };
}

/**
 * The newer of two states of one upload. Events can arrive out of order (a late progress tick
 * after the end): a finished state is never replaced by an unfinished one, nor progress lowered.
 */
export function newerState(current: UploadEvent | undefined, next: UploadEvent): UploadEvent {
  if (!current) return next;
  if (isFinished(current.status) && !isFinished(next.status)) return current;
  if (!isFinished(next.status) && next.progress < current.progress) return current;
  return next;
}

/** An upload as the API stored it, in the shape of a live event (null: nothing known yet). */
export function stateOf(upload: Upload | null): UploadEvent {
  if (!upload)
    return {
      uploadId: 0,
      status: 'queued',
      progress: 0,
      rowsRead: 0,
      rowsInserted: 0,
      rowsRejected: 0,
    };
  return {
    uploadId: upload.id,
    status: upload.status,
    progress: upload.progress,
    rowsRead: upload.rowsRead,
    rowsInserted: upload.rowsInserted,
    rowsRejected: upload.rowsRejected,
    ...(upload.failureReason ? { reason: upload.failureReason } : {}),
  };
}

import type { UploadStatus } from '@pluma/db';

/** What the uploader is told while an upload is ingested and when it ends. */
export interface UploadEvent {
  uploadId: number;
  userId: number;
  status: UploadStatus;
  progress: number;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  reason?: string;
}

/**
 * The live-update hook of CSV ingestion: `upload.progress` and `upload.done` for the uploader.
 * The workers process backs it with the notifier (socket.io Redis emitter, one room per user);
 * tests that need no sockets pass `noIngestEvents`.
 */
export interface IngestEvents {
  progress(event: UploadEvent): void;
  done(event: UploadEvent): void;
}

export const noIngestEvents: IngestEvents = {
  progress() {},
  done() {},
};

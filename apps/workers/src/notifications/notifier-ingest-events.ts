import type { MikroORM } from '@pluma/db';
import { newNotificationId, notificationIdOf, type Notifier } from '@pluma/notify';
import type { Logger } from '@pluma/telemetry/logger';
import type { IngestEvents, UploadEvent } from '../jobs/csv-ingest/ingest-events.ts';

const payloadOf = (event: UploadEvent): Record<string, unknown> => ({ ...event });

/**
 * CSV ingestion's live updates through the notifier: `upload.progress` is emitted only (a
 * percentage is stale a second later), `upload.done` is stored too, once per upload and outcome.
 * Failures are logged, never thrown: ingestion must not fail because a socket could not be told.
 */
export function createNotifierIngestEvents(deps: {
  orm: MikroORM;
  notifier: Notifier;
  log: Logger;
}): IngestEvents {
  return {
    progress(event) {
      deps.notifier
        .emit([event.userId], {
          id: newNotificationId(),
          type: 'upload.progress',
          payload: payloadOf(event),
          createdAt: new Date().toISOString(),
          readAt: null,
        })
        .catch((error: unknown) =>
          deps.log.warn({ err: error, uploadId: event.uploadId }, 'upload.progress not emitted'),
        );
    },
    done(event) {
      deps.notifier
        .notify(deps.orm.em.fork(), [event.userId], {
          id: notificationIdOf('upload.done', event.uploadId, event.status),
          type: 'upload.done',
          payload: payloadOf(event),
        })
        .catch((error: unknown) =>
          deps.log.warn({ err: error, uploadId: event.uploadId }, 'upload.done not stored'),
        );
    },
  };
}

import type { Hocuspocus } from '@hocuspocus/server';
import type { MikroORM } from '@pluma/db';
import type { Logger } from '@pluma/telemetry/logger';
import type { CollabContext } from '../deps.ts';
import type { RetryPolicy } from '../storage/transient-db-error.ts';
import type { UpdateLog } from '../storage/update-log.ts';

/** What the named-version commands need. */
export interface HistoryDeps {
  orm: MikroORM;
  log: Logger;
  retry: RetryPolicy;
  updateLog: UpdateLog;
  hocuspocus: Hocuspocus<CollabContext>;
}

/** A version as listed (without its state). */
export interface VersionSummary {
  id: number;
  name: string;
  createdAt: string;
  createdBy: { id: number; displayName: string } | null;
}

import type { MikroORM, WorkRole } from '@pluma/db';
import type { Redis } from '@pluma/runtime';
import type { Logger } from '@pluma/telemetry/logger';

/** Jobs collab hands to the workers. */
export interface CollabJobs {
  enqueueSentimentScore(pageId: number): Promise<unknown>;
}

/** Everything the collab server needs, built once in start-collab.ts (or by a test) and passed down. */
export interface CollabDeps {
  log: Logger;
  orm: MikroORM;
  /** Commands: revocation look-ups, compaction leases, readiness. */
  redis: Redis;
  /** The same Redis, for the clients collab opens itself (pub/sub subscriber, extension-redis). */
  redisUrl: string;
  /** Prefix of every Redis key and channel collab uses ('' in production; tests isolate with it). */
  redisPrefix: string;
  jwtSecret: string;
  jobs: CollabJobs;
}

/** What a document connection carries once authorized (Hocuspocus connection context). */
export interface CollabContext {
  userId: number;
  pageId: number;
  workId: number;
  role: WorkRole;
  /** Id and expiry (seconds since the epoch) of the access token in use; updated on token refresh. */
  jti: string;
  exp: number;
  /** When the token was issued (seconds, fractional), to match per-user revocations. */
  iat: number;
  /** When access was decided (ms), to catch a revocation that crossed the authorization. */
  authorizedAt: number;
}

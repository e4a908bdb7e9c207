import type { ApiConfig } from '@pluma/config';
import type { MikroORM } from '@pluma/db';
import type { JobProducer } from '@pluma/queue';
import type { Redis } from '@pluma/runtime';
import type { ObjectStore } from '@pluma/storage';
import type { Logger } from '@pluma/telemetry/logger';

/** Everything the API's routes need, built once in main.ts (or by a test) and passed down. */
export interface ApiDeps {
  config: Readonly<ApiConfig>;
  log: Logger;
  orm: MikroORM;
  redis: Redis;
  storage: ObjectStore;
  /** Adds background jobs (e-mail, ingestion, ...) to the queues the workers read. */
  jobs: JobProducer;
  /**
   * Prefix of the API's own Redis keys and channels (rate limits, revocations); '' in production,
   * a prefix of its own per test file so counters never collide.
   */
  redisPrefix?: string;
}

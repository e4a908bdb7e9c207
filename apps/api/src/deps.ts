import type { ApiConfig } from '@pluma/config';
import type { MikroORM } from '@pluma/db';
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
}

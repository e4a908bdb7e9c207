import type { EntityManager } from '@mikro-orm/mysql';
import type { Publisher } from '@pluma/queue';

/** What a command that changes someone's access to a work needs: the request's EM and Redis to announce it. */
export interface AccessChangeDeps {
  em: EntityManager;
  redis: Publisher;
  /** Prefix of the API's Redis channels ('' in production). */
  redisPrefix?: string | undefined;
}

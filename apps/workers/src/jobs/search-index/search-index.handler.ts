import { UnrecoverableError, type Job } from 'bullmq';
import {
  indexAuthorForSearch,
  indexWorkForSearch,
  type MikroORM,
  type SearchIndexOutcome,
} from '@pluma/db';
import { SearchIndexJobSchema } from '@pluma/queue';
import type { Logger } from '@pluma/telemetry/logger';

export interface SearchIndexHandlerDeps {
  orm: MikroORM;
  log: Logger;
}

/**
 * Processor of `search.index`: copies a work (or an author) as it is now into `search_documents`.
 * A retry, or a job that runs after a later one, stores the same rows: it never uses the payload's
 * age, only the database's current state. A target deleted meanwhile is not an error (its rows
 * went with it).
 */
export function createSearchIndexHandler(deps: SearchIndexHandlerDeps) {
  return async (job: Job): Promise<SearchIndexOutcome> => {
    const parsed = SearchIndexJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('search.index payload is invalid');
    const { target, id } = parsed.data;
    const em = deps.orm.em.fork();
    const outcome =
      target === 'work' ? await indexWorkForSearch(em, id) : await indexAuthorForSearch(em, id);
    deps.log.info({ jobId: job.id, target, id, ...outcome }, 'search index updated');
    return outcome;
  };
}

import type { EntityManager } from '@mikro-orm/mysql';
import { Work, WorkCollaborator } from '@pluma/db';
import { publishWorkAccessChanged, type Publisher } from '@pluma/queue';
import type { ObjectStore } from '@pluma/storage';
import type { Logger } from '@pluma/telemetry/logger';
import type { WorkAccess } from '../routes/works/works.policy.ts';

export interface DeleteWorkDeps {
  em: EntityManager;
  redis: Publisher;
  redisPrefix?: string | undefined;
  storage: ObjectStore;
  log: Logger;
}

/**
 * Deletes a work with its pages, collaborators and published text (foreign keys cascade), then
 * tells collab nodes every collaborator lost access, and removes the cover image.
 */
export async function deleteWork(deps: DeleteWorkDeps, access: WorkAccess): Promise<void> {
  const { em } = deps;
  const { work } = access;
  const collaborators = await em.find(WorkCollaborator, { work: work.id }, { fields: ['user'] });
  const coverKey = work.coverKey;
  await em.nativeDelete(Work, { id: work.id });
  for (const collaborator of collaborators) {
    await publishWorkAccessChanged(
      deps.redis,
      { workId: work.id, userId: collaborator.user.id, role: null },
      deps.redisPrefix,
    );
  }
  if (coverKey) {
    // The row is gone either way; a leftover object only costs storage, so log and carry on.
    await deps.storage.client.removeObject(deps.storage.bucket, coverKey).catch((err: unknown) => {
      deps.log.warn({ err, workId: work.id, coverKey }, 'cover not removed');
    });
  }
}

import type { EntityManager } from '@mikro-orm/mysql';
import { PublishedPage, refreshSearchVisibility } from '@pluma/db';
import type { WorkAccess } from '../routes/works/works.policy.ts';

/** Takes a work back to draft: readers lose it at once. Idempotent (unpublishing a draft is a no-op). */
export async function unpublishWork(em: EntityManager, access: WorkAccess): Promise<WorkAccess> {
  const { work } = access;
  await em.begin();
  try {
    await em.nativeDelete(PublishedPage, { work: work.id });
    work.publishedAt = null;
    await em.flush();
    // The search index's public flag moves with the work, in this transaction, not with the job.
    await refreshSearchVisibility(em, work.id);
    await em.commit();
  } catch (error) {
    await em.rollback();
    throw error;
  }
  return access;
}

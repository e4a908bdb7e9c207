import type { EntityManager } from '@mikro-orm/mysql';
import { Work, WorkCollaborator } from '@pluma/db';
import { workNotFound, type WorkAccess } from '../routes/works/works.policy.ts';

/** Loads a work (with owner and genre) and the caller's role on it; 404 when there is no such work. */
export async function findWorkAccess(
  em: EntityManager,
  workId: number,
  userId: number | undefined,
): Promise<WorkAccess> {
  const work = await em.findOne(Work, workId, { populate: ['owner', 'genre'] });
  if (!work) throw workNotFound(workId);
  if (userId === undefined) return { work, role: null };
  const membership = await em.findOne(WorkCollaborator, { work: workId, user: userId });
  return { work, role: membership?.role ?? null };
}

import type { EntityManager } from '@mikro-orm/mysql';
import { WorkCollaborator } from '@pluma/db';
import type { WorkAccess } from '../routes/works/works.policy.ts';

/** A work's collaborators, the owner first, then in the order they were added (bounded by MAX_COLLABORATORS). */
export async function listCollaborators(
  em: EntityManager,
  access: WorkAccess,
): Promise<WorkCollaborator[]> {
  const rows = await em.find(
    WorkCollaborator,
    { work: access.work.id },
    { populate: ['user'], orderBy: { id: 'asc' } },
  );
  return rows.sort((a, b) => Number(b.role === 'owner') - Number(a.role === 'owner'));
}

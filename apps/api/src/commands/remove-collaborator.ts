import { publishWorkAccessChanged } from '@pluma/queue';
import type { AccessChangeDeps } from './access-change-deps.ts';
import type { WorkAccess } from '../routes/works/works.policy.ts';
import { findChangeableCollaborator } from './change-collaborator-role.ts';

/** Removes a collaborator (never the owner); collab nodes close their open connections to the work. */
export async function removeCollaborator(
  deps: AccessChangeDeps,
  access: WorkAccess,
  userId: number,
): Promise<void> {
  const collaborator = await findChangeableCollaborator(deps.em, access, userId);
  await deps.em.remove(collaborator).flush();
  await publishWorkAccessChanged(
    deps.redis,
    { workId: access.work.id, userId, role: null },
    deps.redisPrefix,
  );
}

import type { EntityManager } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import { WorkCollaborator } from '@pluma/db';
import { publishWorkAccessChanged } from '@pluma/queue';
import type { AccessChangeDeps } from './access-change-deps.ts';
import type { WorkAccess } from '../routes/works/works.policy.ts';

/** Loads a collaborator of the work for a change; 404 when the user does not collaborate, 409 for the owner. */
export async function findChangeableCollaborator(
  em: EntityManager,
  access: WorkAccess,
  userId: number,
): Promise<WorkCollaborator> {
  const collaborator = await em.findOne(
    WorkCollaborator,
    { work: access.work.id, user: userId },
    { populate: ['user'] },
  );
  if (!collaborator)
    throw new AppError('resource.not_found', `User ${userId} does not collaborate on this work.`);
  if (collaborator.role === 'owner') {
    throw new AppError(
      'state.invalid_transition',
      'The owner stays the owner: their role cannot be changed and they cannot be removed.',
    );
  }
  return collaborator;
}

/** Makes a collaborator an editor or a viewer; collab nodes drop their connections so the new role applies. */
export async function changeCollaboratorRole(
  deps: AccessChangeDeps,
  access: WorkAccess,
  userId: number,
  role: 'editor' | 'viewer',
): Promise<WorkCollaborator> {
  const collaborator = await findChangeableCollaborator(deps.em, access, userId);
  if (collaborator.role === role) return collaborator;
  collaborator.role = role;
  await deps.em.flush();
  await publishWorkAccessChanged(
    deps.redis,
    { workId: access.work.id, userId, role },
    deps.redisPrefix,
  );
  return collaborator;
}

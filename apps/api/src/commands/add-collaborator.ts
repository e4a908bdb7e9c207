import { UniqueConstraintViolationException } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import { User, WorkCollaborator } from '@pluma/db';
import { publishWorkAccessChanged } from '@pluma/queue';
import type { AccessChangeDeps } from './access-change-deps.ts';
import type { WorkAccess } from '../routes/works/works.policy.ts';

/** A work has at most this many collaborators, so listing them needs no pagination. */
export const MAX_COLLABORATORS = 100;

export interface AddCollaboratorInput {
  handle: string;
  role: 'editor' | 'viewer';
}

/** Adds a user (by handle) to a work as editor or viewer; 409 when they already collaborate. */
export async function addCollaborator(
  deps: AccessChangeDeps,
  access: WorkAccess,
  input: AddCollaboratorInput,
): Promise<WorkCollaborator> {
  const { em } = deps;
  const user = await em.findOne(User, { handle: input.handle });
  if (!user) throw new AppError('resource.not_found', `No user with handle "${input.handle}".`);
  if (await em.count(WorkCollaborator, { work: access.work.id, user: user.id }))
    throw alreadyCollaborates(input.handle);
  if ((await em.count(WorkCollaborator, { work: access.work.id })) >= MAX_COLLABORATORS) {
    throw new AppError(
      'resource.conflict',
      `A work has at most ${MAX_COLLABORATORS} collaborators.`,
    );
  }
  const collaborator = em.create(WorkCollaborator, { work: access.work, user, role: input.role });
  try {
    await em.flush();
  } catch (error) {
    // Two concurrent adds of the same user: the unique key lets one win.
    if (error instanceof UniqueConstraintViolationException)
      throw alreadyCollaborates(input.handle);
    throw error;
  }
  // A user who was removed while connected may still hold a stale refusal; tell collab the new role.
  await publishWorkAccessChanged(
    deps.redis,
    { workId: access.work.id, userId: user.id, role: input.role },
    deps.redisPrefix,
  );
  return collaborator;
}

function alreadyCollaborates(handle: string): AppError {
  return new AppError(
    'resource.conflict',
    `"${handle}" already collaborates on this work; change their role instead.`,
  );
}

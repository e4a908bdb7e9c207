import type { z } from '@hono/zod-openapi';
import type { WorkCollaborator } from '@pluma/db';
import type { CollaboratorSchema } from './collaborators.schema.ts';

/** A collaborator as the API shows it. */
export function presentCollaborator(
  collaborator: WorkCollaborator,
): z.infer<typeof CollaboratorSchema> {
  const { user } = collaborator;
  return {
    user: { id: user.id, handle: user.handle, displayName: user.displayName },
    role: collaborator.role,
    addedAt: collaborator.createdAt.toISOString(),
  };
}

import { z } from '@hono/zod-openapi';
import { IdParamSchema } from './id-param.ts';

const AssignableRoleSchema = z.enum(['editor', 'viewer'], {
  error: 'must be "editor" or "viewer"',
});

export const CollaboratorParamsSchema = z.object({
  id: IdParamSchema.openapi({ param: { name: 'id', in: 'path' }, example: 42 }),
  userId: IdParamSchema.openapi({ param: { name: 'userId', in: 'path' }, example: 7 }),
});

export const AddCollaboratorBodySchema = z
  .strictObject({
    handle: z.string().regex(/^[A-Za-z0-9_]{1,32}$/, 'must be a user handle'),
    role: AssignableRoleSchema,
  })
  .openapi('AddCollaborator');

export const ChangeCollaboratorBodySchema = z
  .strictObject({ role: AssignableRoleSchema })
  .openapi('ChangeCollaborator');

export const CollaboratorSchema = z
  .object({
    user: z.object({ id: z.number().int(), handle: z.string(), displayName: z.string() }),
    role: z.enum(['owner', 'editor', 'viewer']),
    addedAt: z.iso.datetime(),
  })
  .openapi('Collaborator');

export const CollaboratorListSchema = z
  .object({ items: z.array(CollaboratorSchema) })
  .openapi('CollaboratorList');

import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { addCollaborator } from '../../commands/add-collaborator.ts';
import { changeCollaboratorRole } from '../../commands/change-collaborator-role.ts';
import { findWorkAccess } from '../../commands/find-work-access.ts';
import { listCollaborators } from '../../commands/list-collaborators.ts';
import { removeCollaborator } from '../../commands/remove-collaborator.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { ApiEnv } from '../../http/env.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { jsonBodyLimit } from './body-limits.ts';
import {
  AddCollaboratorBodySchema,
  ChangeCollaboratorBodySchema,
  CollaboratorListSchema,
  CollaboratorParamsSchema,
  CollaboratorSchema,
} from './collaborators.schema.ts';
import { presentCollaborator } from './collaborators.presenter.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { authorizeWork } from './works.policy.ts';
import { WorkIdParamsSchema } from './works.schema.ts';

const tags = ['Collaborators'];
const security = [{ bearerAuth: [] }];

const listRoute = createRoute({
  method: 'get',
  path: '/works/{id}/collaborators',
  tags,
  summary: 'Who collaborates on a work, owner first (collaborators)',
  security,
  request: { params: WorkIdParamsSchema },
  responses: {
    200: {
      description: 'The collaborators',
      content: { 'application/json': { schema: CollaboratorListSchema } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/works/{id}/collaborators',
  tags,
  summary: 'Add a user by handle as editor or viewer (owner)',
  security,
  middleware: [jsonBodyLimit] as const,
  request: {
    params: WorkIdParamsSchema,
    body: {
      required: true,
      content: { 'application/json': { schema: AddCollaboratorBodySchema } },
    },
  },
  responses: {
    201: {
      description: 'The new collaborator',
      content: { 'application/json': { schema: CollaboratorSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 413),
  },
});

const changeRoute = createRoute({
  method: 'patch',
  path: '/works/{id}/collaborators/{userId}',
  tags,
  summary: 'Change a collaborator’s role; the owner’s cannot change (owner)',
  security,
  middleware: [jsonBodyLimit] as const,
  request: {
    params: CollaboratorParamsSchema,
    body: {
      required: true,
      content: { 'application/json': { schema: ChangeCollaboratorBodySchema } },
    },
  },
  responses: {
    200: {
      description: 'The collaborator',
      content: { 'application/json': { schema: CollaboratorSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 413),
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/works/{id}/collaborators/{userId}',
  tags,
  summary: 'Remove a collaborator; the owner cannot be removed (owner)',
  security,
  request: { params: CollaboratorParamsSchema },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404, 409) },
});

/** Collaborators of a work; every change is announced to collab nodes on Redis. */
export function createCollaboratorsRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(listRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findWorkAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizeWork(access, 'listCollaborators');
    const collaborators = await listCollaborators(c.get('em'), access);
    return c.json({ items: collaborators.map(presentCollaborator) }, 200);
  });

  app.openapi(addRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findWorkAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizeWork(access, 'manageCollaborators');
    const collaborator = await addCollaborator(
      { em: c.get('em'), redis: deps.redis, redisPrefix: deps.redisPrefix },
      access,
      c.req.valid('json'),
    );
    return c.json(presentCollaborator(collaborator), 201);
  });

  app.openapi(changeRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const { id, userId } = c.req.valid('param');
    const access = await findWorkAccess(c.get('em'), id, auth.userId);
    authorizeWork(access, 'manageCollaborators');
    const collaborator = await changeCollaboratorRole(
      { em: c.get('em'), redis: deps.redis, redisPrefix: deps.redisPrefix },
      access,
      userId,
      c.req.valid('json').role,
    );
    return c.json(presentCollaborator(collaborator), 200);
  });

  app.openapi(removeRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const { id, userId } = c.req.valid('param');
    const access = await findWorkAccess(c.get('em'), id, auth.userId);
    authorizeWork(access, 'manageCollaborators');
    await removeCollaborator(
      { em: c.get('em'), redis: deps.redis, redisPrefix: deps.redisPrefix },
      access,
      userId,
    );
    return c.body(null, 204);
  });

  return app;
}

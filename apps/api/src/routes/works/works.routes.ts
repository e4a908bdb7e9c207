import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { createWork } from '../../commands/create-work.ts';
import { deleteWork } from '../../commands/delete-work.ts';
import { findWorkAccess } from '../../commands/find-work-access.ts';
import { listWorks } from '../../commands/list-works.ts';
import { publishWork } from '../../commands/publish-work.ts';
import { announcePublication, notePublicationBefore } from '../../commands/announce-publication.ts';
import { setWorkCover } from '../../commands/set-work-cover.ts';
import { unpublishWork } from '../../commands/unpublish-work.ts';
import { updateWork } from '../../commands/update-work.ts';
import { requestSearchIndex } from '../../commands/request-search-index.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { ApiEnv } from '../../http/env.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { coverBodyLimit, jsonBodyLimit } from './body-limits.ts';
import { createCollaboratorsRoutes } from './collaborators.routes.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { authorizeWork } from './works.policy.ts';
import { presentWork } from './works.presenter.ts';
import {
  CreateWorkBodySchema,
  ListWorksQuerySchema,
  UpdateWorkBodySchema,
  WorkIdParamsSchema,
  WorkListSchema,
  WorkSchema,
} from './works.schema.ts';

const tags = ['Works'];
const security = [{ bearerAuth: [] }];
/** Signed in or not: readers see published works, collaborators their drafts too. */
const optionalAuth: Record<string, string[]>[] = [{}, { bearerAuth: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const createWorkRoute = createRoute({
  method: 'post',
  path: '/works',
  tags,
  summary: 'Create a draft work; the caller becomes its owner',
  security,
  middleware: [jsonBodyLimit] as const,
  request: { body: jsonBody(CreateWorkBodySchema) },
  responses: { 201: json(WorkSchema, 'The new work'), ...problemResponses(400, 401, 413) },
});

const listWorksRoute = createRoute({
  method: 'get',
  path: '/works',
  tags,
  summary: 'Published works, plus the caller’s drafts; newest first, by cursor',
  security: optionalAuth,
  request: { query: ListWorksQuerySchema },
  responses: { 200: json(WorkListSchema, 'One page of works'), ...problemResponses(400, 401) },
});

const getWorkRoute = createRoute({
  method: 'get',
  path: '/works/{id}',
  tags,
  summary: 'A work: anybody once published, collaborators while a draft',
  security: optionalAuth,
  request: { params: WorkIdParamsSchema },
  responses: { 200: json(WorkSchema, 'The work'), ...problemResponses(400, 401, 404) },
});

const updateWorkRoute = createRoute({
  method: 'patch',
  path: '/works/{id}',
  tags,
  summary: 'Change title, description or genre (owner, editors)',
  security,
  middleware: [jsonBodyLimit] as const,
  request: { params: WorkIdParamsSchema, body: jsonBody(UpdateWorkBodySchema) },
  responses: {
    200: json(WorkSchema, 'The changed work'),
    ...problemResponses(400, 401, 403, 404, 413),
  },
});

const deleteWorkRoute = createRoute({
  method: 'delete',
  path: '/works/{id}',
  tags,
  summary: 'Delete a work with its pages (owner)',
  security,
  request: { params: WorkIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404) },
});

const setCoverRoute = createRoute({
  method: 'put',
  path: '/works/{id}/cover',
  tags,
  summary: 'Upload the cover image: PNG, JPEG or WebP, at most 5 MB (owner, editors)',
  security,
  middleware: [coverBodyLimit] as const,
  request: {
    params: WorkIdParamsSchema,
    body: {
      required: true,
      description: 'The image bytes; the type is judged from the content',
      content: {
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
        'image/webp': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
  responses: {
    200: json(WorkSchema, 'The work with its new cover URL'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const publishRoute = createRoute({
  method: 'post',
  path: '/works/{id}/publish',
  tags,
  summary: 'Publish (or republish): freeze every page’s current text for readers (owner)',
  security,
  request: { params: WorkIdParamsSchema },
  responses: {
    200: json(WorkSchema, 'The published work'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const unpublishRoute = createRoute({
  method: 'post',
  path: '/works/{id}/unpublish',
  tags,
  summary: 'Back to draft: readers lose it at once (owner; idempotent)',
  security,
  request: { params: WorkIdParamsSchema },
  responses: {
    200: json(WorkSchema, 'The work, now a draft'),
    ...problemResponses(400, 401, 403, 404),
  },
});

/** Works: create, list, read, change, delete, cover, publish; collaborators are mounted from their own file. */
export function createWorksRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(createWorkRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await createWork(c.get('em'), auth.userId, c.req.valid('json'));
    await requestSearchIndex(deps, { target: 'work', id: access.work.id });
    return c.json(await presentWork(deps.storage, access.work, access.role), 201);
  });

  app.openapi(listWorksRoute, async (c) => {
    const page = await listWorks(c.get('em'), c.get('auth')?.userId, c.req.valid('query'));
    const items = await Promise.all(page.works.map((work) => presentWork(deps.storage, work)));
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  });

  app.openapi(getWorkRoute, async (c) => {
    const access = await findWorkAccess(
      c.get('em'),
      c.req.valid('param').id,
      c.get('auth')?.userId,
    );
    authorizeWork(access, 'read');
    return c.json(await presentWork(deps.storage, access.work, access.role), 200);
  });

  app.openapi(updateWorkRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findWorkAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizeWork(access, 'update');
    await updateWork(c.get('em'), access, c.req.valid('json'));
    await requestSearchIndex(deps, { target: 'work', id: access.work.id });
    return c.json(await presentWork(deps.storage, access.work, access.role), 200);
  });

  app.openapi(deleteWorkRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findWorkAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizeWork(access, 'delete');
    await deleteWork(
      {
        em: c.get('em'),
        redis: deps.redis,
        redisPrefix: deps.redisPrefix,
        storage: deps.storage,
        log: deps.log,
      },
      access,
    );
    return c.body(null, 204);
  });

  app.openapi(setCoverRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findWorkAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizeWork(access, 'setCover');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    await setWorkCover({ em: c.get('em'), storage: deps.storage, log: deps.log }, access, bytes);
    return c.json(await presentWork(deps.storage, access.work, access.role), 200);
  });

  app.openapi(publishRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findWorkAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizeWork(access, 'publish');
    const before = await notePublicationBefore(c.get('em'), access.work);
    await publishWork(c.get('em'), access);
    deps.log.info({ workId: access.work.id }, 'work published');
    await requestSearchIndex(deps, { target: 'work', id: access.work.id });
    await announcePublication(
      { em: c.get('em'), jobs: deps.jobs, log: deps.log },
      before,
      access.work,
      auth.userId,
    );
    return c.json(await presentWork(deps.storage, access.work, access.role), 200);
  });

  app.openapi(unpublishRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findWorkAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizeWork(access, 'publish');
    await unpublishWork(c.get('em'), access);
    deps.log.info({ workId: access.work.id }, 'work unpublished');
    await requestSearchIndex(deps, { target: 'work', id: access.work.id });
    return c.json(await presentWork(deps.storage, access.work, access.role), 200);
  });

  app.route('/', createCollaboratorsRoutes(deps));
  return app;
}

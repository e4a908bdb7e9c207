import { OpenAPIHono, createRoute, type z } from '@hono/zod-openapi';
import { createPage } from '../../commands/create-page.ts';
import { deletePage } from '../../commands/delete-page.ts';
import { findPageAccess } from '../../commands/find-page-access.ts';
import { findPublishedPage } from '../../commands/find-published-page.ts';
import { findWorkAccess } from '../../commands/find-work-access.ts';
import { listPages } from '../../commands/list-pages.ts';
import { renamePage } from '../../commands/rename-page.ts';
import { reorderPages } from '../../commands/reorder-pages.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { ApiEnv } from '../../http/env.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { jsonBodyLimit } from '../works/body-limits.ts';
import { WorkIdParamsSchema } from '../works/works.schema.ts';
import { authorizePage } from './pages.policy.ts';
import { presentListedPage, presentPage, presentPublishedPage } from './pages.presenter.ts';
import {
  CreatePageBodySchema,
  PageIdParamsSchema,
  PageListSchema,
  PageSchema,
  PublishedPageSchema,
  RenamePageBodySchema,
  ReorderPagesBodySchema,
} from './pages.schema.ts';

const tags = ['Pages'];
const security = [{ bearerAuth: [] }];
const optionalAuth: Record<string, string[]>[] = [{}, { bearerAuth: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const createPageRoute = createRoute({
  method: 'post',
  path: '/works/{id}/pages',
  tags,
  summary:
    'Add an empty page at the end of a work (owner, editors); its body is the Yjs document page:<id>',
  security,
  middleware: [jsonBodyLimit] as const,
  request: { params: WorkIdParamsSchema, body: jsonBody(CreatePageBodySchema) },
  responses: {
    201: json(PageSchema, 'The new page'),
    ...problemResponses(400, 401, 403, 404, 409, 413),
  },
});

const listPagesRoute = createRoute({
  method: 'get',
  path: '/works/{id}/pages',
  tags,
  summary: 'A work’s pages in order: drafts for collaborators, the published ones for readers',
  security: optionalAuth,
  request: { params: WorkIdParamsSchema },
  responses: { 200: json(PageListSchema, 'The pages'), ...problemResponses(400, 401, 404) },
});

const reorderRoute = createRoute({
  method: 'post',
  path: '/works/{id}/pages/order',
  tags,
  summary:
    'Reorder the pages; pageIds must list every page of the work exactly once (owner, editors)',
  security,
  middleware: [jsonBodyLimit] as const,
  request: { params: WorkIdParamsSchema, body: jsonBody(ReorderPagesBodySchema) },
  responses: {
    200: json(PageListSchema, 'The pages in their new order'),
    ...problemResponses(400, 401, 403, 404, 413),
  },
});

const renameRoute = createRoute({
  method: 'patch',
  path: '/pages/{id}',
  tags,
  summary: 'Rename a page (owner, editors)',
  security,
  middleware: [jsonBodyLimit] as const,
  request: { params: PageIdParamsSchema, body: jsonBody(RenamePageBodySchema) },
  responses: { 200: json(PageSchema, 'The page'), ...problemResponses(400, 401, 403, 404, 413) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/pages/{id}',
  tags,
  summary: 'Delete a page (owner, editors); readers lose it at once',
  security,
  request: { params: PageIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404) },
});

const publishedRoute = createRoute({
  method: 'get',
  path: '/pages/{id}/published',
  tags,
  summary: 'A page as last published: anybody while its work is published, 404 otherwise',
  security: optionalAuth,
  request: { params: PageIdParamsSchema },
  responses: {
    200: json(PublishedPageSchema, 'The published page'),
    ...problemResponses(400, 401, 404),
  },
});

/** Pages of works: create, list, reorder, rename, delete, and the published version readers see. */
export function createPagesRoutes(_deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(createPageRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findWorkAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizePage(access, 'create');
    const page = await createPage(c.get('em'), access, c.req.valid('json').title);
    return c.json(presentPage(page, access.work.id), 201);
  });

  app.openapi(listPagesRoute, async (c) => {
    const access = await findWorkAccess(
      c.get('em'),
      c.req.valid('param').id,
      c.get('auth')?.userId,
    );
    authorizePage(access, 'list');
    const pages = await listPages(c.get('em'), access);
    return c.json({ items: pages.map(presentListedPage) }, 200);
  });

  app.openapi(reorderRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findWorkAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizePage(access, 'reorder');
    const pages = await reorderPages(c.get('em'), access, c.req.valid('json').pageIds);
    return c.json({ items: pages.map((page) => presentPage(page, access.work.id)) }, 200);
  });

  app.openapi(renameRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findPageAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizePage(access, 'rename');
    const page = await renamePage(c.get('em'), access.page, c.req.valid('json').title);
    return c.json(presentPage(page, access.work.id), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findPageAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizePage(access, 'delete');
    await deletePage(c.get('em'), access.page);
    return c.body(null, 204);
  });

  app.openapi(publishedRoute, async (c) => {
    const { id } = c.req.valid('param');
    const access = await findPageAccess(c.get('em'), id, c.get('auth')?.userId);
    authorizePage(access, 'readPublished', id);
    const published = await findPublishedPage(c.get('em'), id);
    return c.json(presentPublishedPage(published), 200);
  });

  return app;
}

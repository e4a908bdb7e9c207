import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { findWorkAccess } from '../../commands/find-work-access.ts';
import { listReading } from '../../commands/list-reading.ts';
import { saveReadingProgress } from '../../commands/save-reading-progress.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { ApiEnv } from '../../http/env.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { jsonBodyLimit } from '../works/body-limits.ts';
import { WorkIdParamsSchema } from '../works/works.schema.ts';
import { authorizeReadingProgress } from './reading.policy.ts';
import { presentProgress, presentSavedProgress } from './reading.presenter.ts';
import {
  ReadingListQuerySchema,
  ReadingListSchema,
  SaveProgressBodySchema,
  SavedProgressSchema,
} from './reading.schema.ts';

const tags = ['Reading'];
const security = [{ bearerAuth: [] }];

const saveRoute = createRoute({
  method: 'put',
  path: '/works/{id}/progress',
  tags,
  summary: 'Remember where the caller is in a work (page and character offset)',
  security,
  middleware: [jsonBodyLimit] as const,
  request: {
    params: WorkIdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: SaveProgressBodySchema } } },
  },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: SavedProgressSchema } } },
    ...problemResponses(400, 401, 403, 404, 413),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/me/reading',
  tags,
  summary: 'What the caller is reading, most recent first, by cursor',
  security,
  request: { query: ReadingListQuerySchema },
  responses: {
    200: {
      description: 'One page of the reading list',
      content: { 'application/json': { schema: ReadingListSchema } },
    },
    ...problemResponses(400, 401),
  },
});

/** Reading progress: saved per work, listed under /v1/me/reading. */
export function createReadingRoutes(_deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(saveRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findWorkAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizeReadingProgress(access);
    const progress = await saveReadingProgress(
      c.get('em'),
      auth.userId,
      access,
      c.req.valid('json'),
    );
    return c.json(presentSavedProgress(progress), 200);
  });

  app.openapi(listRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const page = await listReading(c.get('em'), auth.userId, c.req.valid('query'));
    return c.json({ items: page.items.map(presentProgress), nextCursor: page.nextCursor }, 200);
  });

  return app;
}

import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { findPageAccess } from '../../commands/find-page-access.ts';
import { findPageSentiment } from '../../commands/find-page-sentiment.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { ApiEnv } from '../../http/env.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { PageIdParamsSchema } from '../pages/pages.schema.ts';
import { authorizePageSentiment } from './sentiment.policy.ts';
import { presentPageSentiment } from './sentiment.presenter.ts';
import { PageSentimentSchema } from './sentiment.schema.ts';

const pageSentimentRoute = createRoute({
  method: 'get',
  path: '/pages/{id}/sentiment',
  tags: ['Pages'],
  summary: 'The latest sentence-by-sentence sentiment of a page (its collaborators only)',
  security: [{ bearerAuth: [] }],
  request: { params: PageIdParamsSchema },
  responses: {
    200: {
      description: 'The latest result (no sentences and updatedAt null before the first scoring)',
      content: { 'application/json': { schema: PageSentimentSchema } },
    },
    ...problemResponses(400, 401, 404),
  },
});

/** Sentence sentiment of pages, scored by the workers after each pause in writing. */
export function createSentimentRoutes(_deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(pageSentimentRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const { id } = c.req.valid('param');
    const access = await findPageAccess(c.get('em'), id, auth.userId);
    authorizePageSentiment(access, id);
    const result = await findPageSentiment(c.get('em'), id);
    return c.json(presentPageSentiment(id, result), 200);
  });

  return app;
}

import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { listFeed } from '../../commands/list-feed.ts';
import type { ApiDeps } from '../../deps.ts';
import type { ApiEnv } from '../../http/env.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { authorizeSelf } from '../me/me.policy.ts';
import { presentFeed } from './feed.presenter.ts';
import { CursorQuerySchema, FeedSchema } from './feed.schema.ts';

const getFeed = createRoute({
  method: 'get',
  path: '/me/feed',
  tags: ['feed'],
  security: [{ bearerAuth: [] }],
  summary: 'Works published by the authors you follow, newest first, by cursor',
  request: { query: CursorQuerySchema },
  responses: {
    200: {
      description: 'One page of the feed',
      content: { 'application/json': { schema: FeedSchema } },
    },
    ...problemResponses(400, 401),
  },
});

/** /v1/me/feed: what the authors you follow published. */
export function createFeedRoutes(_deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.openapi(getFeed, async (c) => {
    const userId = authorizeSelf(c.get('auth'));
    return c.json(presentFeed(await listFeed(c.get('em'), userId, c.req.valid('query'))), 200);
  });
  return app;
}

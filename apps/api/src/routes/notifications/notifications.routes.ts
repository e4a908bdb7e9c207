import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { listNotifications } from '../../commands/list-notifications.ts';
import { markNotificationsRead } from '../../commands/mark-notifications-read.ts';
import type { ApiDeps } from '../../deps.ts';
import type { ApiEnv } from '../../http/env.ts';
import { limitBody } from '../../http/json-body-limit.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { authorizeSelf } from '../me/me.policy.ts';
import { presentNotificationList } from './notifications.presenter.ts';
import {
  ListNotificationsQuerySchema,
  MarkReadBodySchema,
  MarkReadResultSchema,
  NotificationListSchema,
} from './notifications.schema.ts';

const tags = ['notifications'];
const security = [{ bearerAuth: [] }];

const listRoute = createRoute({
  method: 'get',
  path: '/me/notifications',
  tags,
  security,
  summary:
    'Your inbox: every notification sent live, also while you were away; newest first, by cursor',
  request: { query: ListNotificationsQuerySchema },
  responses: {
    200: {
      description: 'One page of notifications',
      content: { 'application/json': { schema: NotificationListSchema } },
    },
    ...problemResponses(400, 401),
  },
});

const readRoute = createRoute({
  method: 'post',
  path: '/me/notifications/read',
  tags,
  security,
  summary: 'Mark notifications read, by id or all',
  request: {
    body: { required: true, content: { 'application/json': { schema: MarkReadBodySchema } } },
  },
  responses: {
    200: {
      description: 'How many were marked',
      content: { 'application/json': { schema: MarkReadResultSchema } },
    },
    ...problemResponses(400, 401, 413),
  },
});

/** /v1/me/notifications: the signed-in user's inbox. */
export function createNotificationsRoutes(_deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.use('/me/notifications/read', limitBody(64 * 1024));
  app.openapi(listRoute, async (c) => {
    const userId = authorizeSelf(c.get('auth'));
    return c.json(
      presentNotificationList(await listNotifications(c.get('em'), userId, c.req.valid('query'))),
      200,
    );
  });
  app.openapi(readRoute, async (c) => {
    const userId = authorizeSelf(c.get('auth'));
    return c.json(await markNotificationsRead(c.get('em'), userId, c.req.valid('json')), 200);
  });
  return app;
}

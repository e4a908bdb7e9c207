import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { findUserByHandle } from '../../commands/find-user-by-handle.ts';
import { followUser } from '../../commands/follow-user.ts';
import { isFollowing, listFollows } from '../../commands/list-follows.ts';
import { unfollowUser } from '../../commands/unfollow-user.ts';
import type { ApiDeps } from '../../deps.ts';
import type { ApiEnv } from '../../http/env.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { createApiNotifier } from '../../realtime/api-notifier.ts';
import { authorizeFollow, authorizeFollowListView } from './follows.policy.ts';
import { presentFollowList } from './follows.presenter.ts';
import {
  CursorQuerySchema,
  FollowListSchema,
  FollowStateSchema,
  HandleParamsSchema,
} from './follows.schema.ts';

const tags = ['follows'];
const security = [{ bearerAuth: [] }];
const state = (description: string) => ({
  description,
  content: { 'application/json': { schema: FollowStateSchema } },
});
const list = {
  description: 'One page of users',
  content: { 'application/json': { schema: FollowListSchema } },
};

const follow = createRoute({
  method: 'post',
  path: '/users/{handle}/follow',
  tags,
  security,
  summary:
    'Follow a user: their publications reach your feed and inbox (following again changes nothing)',
  request: { params: HandleParamsSchema },
  responses: {
    201: state('Now following'),
    200: state('Already following'),
    ...problemResponses(400, 401, 404),
  },
});

const unfollow = createRoute({
  method: 'delete',
  path: '/users/{handle}/follow',
  tags,
  security,
  summary: 'Stop following a user (not following already is fine)',
  request: { params: HandleParamsSchema },
  responses: { 200: state('Not following'), ...problemResponses(400, 401, 404) },
});

const followState = createRoute({
  method: 'get',
  path: '/users/{handle}/follow',
  tags,
  security,
  summary: 'Whether you follow a user',
  request: { params: HandleParamsSchema },
  responses: { 200: state('Whether you follow them'), ...problemResponses(400, 401, 404) },
});

const followers = createRoute({
  method: 'get',
  path: '/users/{handle}/followers',
  tags,
  summary: "A user's followers, newest first, by cursor",
  request: { params: HandleParamsSchema, query: CursorQuerySchema },
  responses: { 200: list, ...problemResponses(400, 404) },
});

const following = createRoute({
  method: 'get',
  path: '/users/{handle}/following',
  tags,
  summary: 'Whom a user follows, newest first, by cursor',
  request: { params: HandleParamsSchema, query: CursorQuerySchema },
  responses: { 200: list, ...problemResponses(400, 404) },
});

/** /v1/users/{handle}/follow, /followers, /following. */
export function createFollowsRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const notifier = createApiNotifier(deps);

  app.openapi(follow, async (c) => {
    const em = c.get('em');
    const followee = await findUserByHandle(em, c.req.valid('param').handle);
    const followerId = authorizeFollow(c.get('auth'), followee);
    const created = await followUser(
      { em, jobs: deps.jobs, notifier, log: deps.log },
      followerId,
      followee,
    );
    return c.json({ handle: followee.handle, following: true }, created ? 201 : 200);
  });

  app.openapi(unfollow, async (c) => {
    const em = c.get('em');
    const followee = await findUserByHandle(em, c.req.valid('param').handle);
    await unfollowUser(em, authorizeFollow(c.get('auth'), followee), followee);
    return c.json({ handle: followee.handle, following: false }, 200);
  });

  app.openapi(followState, async (c) => {
    const em = c.get('em');
    const followee = await findUserByHandle(em, c.req.valid('param').handle);
    const followerId = authorizeFollow(c.get('auth'), followee);
    return c.json(
      { handle: followee.handle, following: await isFollowing(em, followerId, followee) },
      200,
    );
  });

  for (const [route, direction] of [
    [followers, 'followers'],
    [following, 'following'],
  ] as const) {
    app.openapi(route, async (c) => {
      const em = c.get('em');
      authorizeFollowListView(c.get('auth'));
      const user = await findUserByHandle(em, c.req.valid('param').handle);
      return c.json(
        await presentFollowList(
          deps.storage,
          await listFollows(em, user, direction, c.req.valid('query')),
        ),
        200,
      );
    });
  }
  return app;
}

import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { findPublicProfile } from '../../commands/find-public-profile.ts';
import type { ApiDeps } from '../../deps.ts';
import type { ApiEnv } from '../../http/env.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { authorizeProfileView } from './users.policy.ts';
import { presentPublicProfile } from './users.presenter.ts';
import { HandleParamsSchema, PublicProfileSchema } from './users.schema.ts';

const getProfile = createRoute({
  method: 'get',
  path: '/users/{handle}',
  tags: ['users'],
  summary: "A user's public profile and published works",
  request: { params: HandleParamsSchema },
  responses: {
    200: {
      description: 'The profile',
      content: { 'application/json': { schema: PublicProfileSchema } },
    },
    ...problemResponses(400, 404),
  },
});

/** /v1/users/{handle}: public profiles. */
export function createUsersRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.openapi(getProfile, async (c) => {
    const { handle } = c.req.valid('param');
    authorizeProfileView(c.get('auth'));
    const profile = await findPublicProfile(c.get('em'), handle.toLowerCase());
    return c.json(await presentPublicProfile(deps.storage, profile), 200);
  });
  return app;
}

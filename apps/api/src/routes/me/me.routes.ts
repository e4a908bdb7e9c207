import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { deleteAccount } from '../../commands/delete-account.ts';
import { findAccount } from '../../commands/find-account.ts';
import { setAvatar } from '../../commands/set-avatar.ts';
import { updateProfile } from '../../commands/update-profile.ts';
import type { ApiDeps } from '../../deps.ts';
import type { ApiEnv } from '../../http/env.ts';
import { limitBody } from '../../http/json-body-limit.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { authorizeSelf } from './me.policy.ts';
import { presentMe } from './me.presenter.ts';
import {
  ACCOUNT_JSON_MAX_BYTES,
  AVATAR_MAX_BYTES,
  AvatarBodyContent,
  MeSchema,
  UpdateMeBodySchema,
} from './me.schema.ts';

const tags = ['me'];
const security = [{ bearerAuth: [] }];
const me = { description: 'Your account', content: { 'application/json': { schema: MeSchema } } };

const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags,
  security,
  summary: 'Your account',
  responses: { 200: me, ...problemResponses(401, 404) },
});

const patchMe = createRoute({
  method: 'patch',
  path: '/me',
  tags,
  security,
  summary: 'Change display name, handle or e-mail preferences',
  request: {
    body: { content: { 'application/json': { schema: UpdateMeBodySchema } }, required: true },
  },
  responses: { 200: me, ...problemResponses(400, 401, 404, 409, 413) },
});

const putAvatar = createRoute({
  method: 'put',
  path: '/me/avatar',
  tags,
  security,
  summary: 'Upload an avatar: the raw PNG, JPEG or WebP bytes as the body (at most 5 MB)',
  request: { body: { content: AvatarBodyContent, required: true } },
  responses: { 200: me, ...problemResponses(400, 401, 404, 413, 415) },
});

const deleteMe = createRoute({
  method: 'delete',
  path: '/me',
  tags,
  security,
  summary:
    'Delete your account (anonymised; solo works deleted, co-written works handed to a co-author)',
  responses: {
    204: { description: 'Account deleted; every token revoked' },
    ...problemResponses(401, 404),
  },
});

/** /v1/me: the signed-in user's own account. */
export function createMeRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.use('/me', limitBody(ACCOUNT_JSON_MAX_BYTES));
  app.use('/me/avatar', limitBody(AVATAR_MAX_BYTES, 'The avatar'));

  app.openapi(getMe, async (c) => {
    const user = await findAccount(c.get('em'), authorizeSelf(c.get('auth')));
    return c.json(await presentMe(deps.storage, user), 200);
  });

  app.openapi(patchMe, async (c) => {
    const changes = c.req.valid('json');
    const em = c.get('em');
    const user = await updateProfile(
      em,
      await findAccount(em, authorizeSelf(c.get('auth'))),
      changes,
    );
    return c.json(await presentMe(deps.storage, user), 200);
  });

  app.openapi(putAvatar, async (c) => {
    const em = c.get('em');
    const user = await findAccount(em, authorizeSelf(c.get('auth')));
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await presentMe(deps.storage, await setAvatar(deps, em, user, bytes)), 200);
  });

  app.openapi(deleteMe, async (c) => {
    await deleteAccount(deps, c.get('em'), authorizeSelf(c.get('auth')));
    return c.body(null, 204);
  });

  return app;
}

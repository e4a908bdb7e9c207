import { OpenAPIHono, createRoute, type z } from '@hono/zod-openapi';
import { logIn } from '../../commands/log-in.ts';
import { logOut } from '../../commands/log-out.ts';
import { refreshSession } from '../../commands/refresh-session.ts';
import { registerUser } from '../../commands/register-user.ts';
import { requestPasswordReset } from '../../commands/request-password-reset.ts';
import { resendVerification } from '../../commands/resend-verification.ts';
import { resetPassword } from '../../commands/reset-password.ts';
import { verifyEmail } from '../../commands/verify-email.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import { clientAddress } from '../../http/client-address.ts';
import type { ApiEnv } from '../../http/env.ts';
import { limitBody } from '../../http/json-body-limit.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { ACCOUNT_JSON_MAX_BYTES, MeSchema } from '../me/me.schema.ts';
import { presentMe } from '../me/me.presenter.ts';
import { assertAccountRequestAllowed } from './auth.policy.ts';
import { presentAccepted, presentTokens } from './auth.presenter.ts';
import {
  AcceptedSchema,
  EmailBodySchema,
  LoginBodySchema,
  PasswordResetConfirmBodySchema,
  RefreshBodySchema,
  RegisterBodySchema,
  TokensSchema,
  VerifiedSchema,
  VerifyBodySchema,
} from './auth.schema.ts';

const tags = ['auth'];
const json = <S extends z.ZodType>(schema: S) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const ok = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});

const register = createRoute({
  method: 'post',
  path: '/auth/register',
  tags,
  summary: 'Create an account and send the verification e-mail',
  request: { body: json(RegisterBodySchema) },
  responses: {
    201: ok('The new, unverified account', MeSchema),
    ...problemResponses(400, 409, 413, 429),
  },
});

const verify = createRoute({
  method: 'post',
  path: '/auth/verify',
  tags,
  summary: 'Verify the e-mail address with the token from the link',
  request: { body: json(VerifyBodySchema) },
  responses: {
    200: ok('The address is verified; sign in', VerifiedSchema),
    ...problemResponses(400, 413),
  },
});

const resend = createRoute({
  method: 'post',
  path: '/auth/verify/resend',
  tags,
  summary: 'Send a new verification link (same answer whether or not the address has an account)',
  request: { body: json(EmailBodySchema) },
  responses: {
    202: ok('Sent if the address has an unverified account', AcceptedSchema),
    ...problemResponses(400, 413, 429),
  },
});

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags,
  summary: 'Exchange e-mail and password for an access token and a refresh token',
  request: { body: json(LoginBodySchema) },
  responses: { 200: ok('Signed in', TokensSchema), ...problemResponses(400, 401, 403, 413, 429) },
});

const refresh = createRoute({
  method: 'post',
  path: '/auth/refresh',
  tags,
  summary: 'Rotate a refresh token (reusing a spent one signs that session out)',
  request: { body: json(RefreshBodySchema) },
  responses: {
    200: ok('A new token pair; the presented refresh token is spent', TokensSchema),
    ...problemResponses(400, 401, 413),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: "Revoke the access token and its sign-in's refresh tokens",
  security: [{ bearerAuth: [] }],
  responses: { 204: { description: 'Signed out' }, ...problemResponses(401) },
});

const passwordReset = createRoute({
  method: 'post',
  path: '/auth/password-reset',
  tags,
  summary: 'Mail a password-reset link (same answer whether or not the address has an account)',
  request: { body: json(EmailBodySchema) },
  responses: {
    202: ok('Sent if the address has an account', AcceptedSchema),
    ...problemResponses(400, 413, 429),
  },
});

const passwordResetConfirm = createRoute({
  method: 'post',
  path: '/auth/password-reset/confirm',
  tags,
  summary: 'Set a new password with the token from the link; signs out every session',
  request: { body: json(PasswordResetConfirmBodySchema) },
  responses: {
    204: { description: 'Password changed; every session signed out' },
    ...problemResponses(400, 413),
  },
});

/** /v1/auth/*: sign-up, e-mail verification, sign-in, token rotation, sign-out, password reset. */
export function createAuthRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.use('/auth/*', limitBody(ACCOUNT_JSON_MAX_BYTES));
  const address = (c: Parameters<typeof clientAddress>[0]) =>
    clientAddress(c, deps.config.TRUSTED_PROXY_HOPS);

  app.openapi(register, async (c) => {
    const body = c.req.valid('json');
    await assertAccountRequestAllowed(deps, address(c));
    const user = await registerUser(deps, c.get('em'), body);
    return c.json(await presentMe(deps.storage, user), 201);
  });

  app.openapi(verify, async (c) => {
    await verifyEmail(c.get('em'), c.req.valid('json').token);
    return c.json({ emailVerified: true as const }, 200);
  });

  app.openapi(resend, async (c) => {
    const { email } = c.req.valid('json');
    await assertAccountRequestAllowed(deps, address(c));
    await resendVerification(deps, c.get('em'), email);
    return c.json(
      presentAccepted(
        'If this address belongs to an account that is not verified yet, a new link is on its way.',
      ),
      202,
    );
  });

  app.openapi(login, async (c) => {
    const body = c.req.valid('json');
    const tokens = await logIn(deps, c.get('em'), {
      ...body,
      clientAddress: address(c),
      userAgent: c.req.header('user-agent'),
    });
    return c.json(presentTokens(tokens), 200);
  });

  app.openapi(refresh, async (c) => {
    const { refreshToken } = c.req.valid('json');
    const tokens = await refreshSession(deps, c.get('em'), {
      refreshToken,
      userAgent: c.req.header('user-agent'),
    });
    return c.json(presentTokens(tokens), 200);
  });

  app.openapi(logout, async (c) => {
    await logOut(deps, c.get('em'), requireAuth(c.get('auth')));
    return c.body(null, 204);
  });

  app.openapi(passwordReset, async (c) => {
    const { email } = c.req.valid('json');
    await assertAccountRequestAllowed(deps, address(c));
    await requestPasswordReset(deps, c.get('em'), email);
    return c.json(
      presentAccepted(
        'If this address belongs to an account, a link to choose a new password is on its way.',
      ),
      202,
    );
  });

  app.openapi(passwordResetConfirm, async (c) => {
    await resetPassword(deps, c.get('em'), c.req.valid('json'));
    return c.body(null, 204);
  });

  return app;
}

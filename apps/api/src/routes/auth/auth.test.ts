// Accounts end to end: the API app in-process, the real workers process as a child sending mail
// to a real SMTP catcher, MySQL, Redis and an S3-compatible server.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { User } from '@pluma/db';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '@pluma/testing';
import {
  TEST_PUBLIC_URL,
  startAccountsTestApp,
  type AccountsTestApp,
} from './accounts-test-app.ts';
import { startWorkersProcess, type WorkersProcess } from '../../test-support/workers-process.ts';

const PASSWORD = 'plume of seven quills';

let t: AccountsTestApp;
let mail: MailCatcher;
let workers: WorkersProcess;

beforeAll(async () => {
  [t, mail] = await Promise.all([
    startAccountsTestApp('auth', { TRUSTED_PROXY_HOPS: '1' }),
    startMailCatcher({ port: 0 }),
  ]);
  workers = startWorkersProcess(t, mail);
});

afterAll(async () => {
  await workers?.stop();
  await mail?.stop();
  await t?.stop();
});

let seq = 0;
function newAccount() {
  seq += 1;
  const handle = `writer_${seq}_${Math.random().toString(36).slice(2, 6)}`;
  return {
    email: `${handle}@example.test`,
    password: PASSWORD,
    displayName: `Writer ${seq}`,
    handle,
  };
}

/** Every address a test uses gets its own X-Forwarded-For, so per-address limits do not leak between tests. */
function from(ip: string) {
  return { 'x-forwarded-for': ip };
}

function linkTokenIn(caught: CaughtMail, path: string): string {
  const match = new RegExp(
    `${TEST_PUBLIC_URL.replace(/[.:/]/g, '\\$&')}${path}\\?token=([A-Za-z0-9_-]+)`,
  ).exec(caught.text);
  expect(match, `no ${path} link in: ${caught.text}`).not.toBeNull();
  return match![1]!;
}

function waitForMail(to: string, subject: RegExp): Promise<CaughtMail> {
  return workers.waitForMail(to, subject);
}

/** Registers through the API and marks the address verified in the database (for tests not about verification). */
async function verifiedAccount() {
  const account = newAccount();
  expect(
    (await t.call('POST', '/v1/auth/register', { body: account, headers: from('10.9.0.1') }))
      .status,
  ).toBe(201);
  await t.db.orm.em
    .fork()
    .nativeUpdate(User, { email: account.email }, { emailVerifiedAt: new Date() });
  return account;
}

async function logIn(account: { email: string; password: string }, ip = '10.9.0.2') {
  const res = await t.call('POST', '/v1/auth/login', {
    body: { email: account.email, password: account.password },
    headers: from(ip),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { accessToken: string; refreshToken: string; expiresIn: number };
}

describe('sign-up', () => {
  it('registers, mails a verification link through the workers, refuses login until verified, then signs in', async () => {
    const account = newAccount();
    const res = await t.call('POST', '/v1/auth/register', {
      body: { ...account, email: `  ${account.email.toUpperCase()} ` },
      headers: from('10.1.0.1'),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      email: account.email,
      handle: account.handle,
      emailVerified: false,
      avatarUrl: null,
    });

    const unverified = await t.call('POST', '/v1/auth/login', {
      body: { email: account.email, password: PASSWORD },
      headers: from('10.1.0.1'),
    });
    expect(unverified.status).toBe(403);
    expect(await unverified.json()).toMatchObject({ code: 'auth.email_unverified' });

    const caught = await waitForMail(account.email, /Confirm your e-mail/);
    expect(caught.from).toBe('no-reply@pluma.test');
    const token = linkTokenIn(caught, '/verify');
    expect(caught.html).toContain(`${TEST_PUBLIC_URL}/verify?token=${token}`);

    const verified = await t.call('POST', '/v1/auth/verify', { body: { token } });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ emailVerified: true });
    const again = await t.call('POST', '/v1/auth/verify', { body: { token } });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({
      code: 'auth.link_invalid',
      detail: expect.stringContaining('already been used'),
    });

    const tokens = await logIn(account, '10.1.0.1');
    expect(tokens.expiresIn).toBe(900);
    const me = await t.call('GET', '/v1/me', { token: tokens.accessToken });
    expect(await me.json()).toMatchObject({ handle: account.handle, emailVerified: true });
  });

  it('resends a verification link to an unverified address, and answers the same for an unknown one', async () => {
    const account = newAccount();
    await t.call('POST', '/v1/auth/register', { body: account, headers: from('10.1.1.1') });
    await waitForMail(account.email, /Confirm/);
    const resent = await t.call('POST', '/v1/auth/verify/resend', {
      body: { email: account.email },
      headers: from('10.1.1.1'),
    });
    const unknown = await t.call('POST', '/v1/auth/verify/resend', {
      body: { email: 'nobody@example.test' },
      headers: from('10.1.1.1'),
    });
    expect(resent.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual(await resent.json());
    await vi.waitFor(
      () => expect(mail.messages().filter((m) => m.to.includes(account.email))).toHaveLength(2),
      { timeout: 15_000 },
    );
    // Only the newest link works.
    const [first, second] = mail.messages().filter((m) => m.to.includes(account.email));
    expect(
      (await t.call('POST', '/v1/auth/verify', { body: { token: linkTokenIn(first!, '/verify') } }))
        .status,
    ).toBe(400);
    expect(
      (
        await t.call('POST', '/v1/auth/verify', {
          body: { token: linkTokenIn(second!, '/verify') },
        })
      ).status,
    ).toBe(200);
  });

  it('names each invalid field', async () => {
    const res = await t.call('POST', '/v1/auth/register', {
      body: { email: 'not-an-address', password: 'short', displayName: '', handle: 'No Spaces!' },
      headers: from('10.1.2.1'),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as {
      code: string;
      errors: { path: string; message: string }[];
    };
    expect(problem.code).toBe('request.invalid');
    expect(problem.errors.map((e) => e.path).sort()).toEqual([
      'displayName',
      'email',
      'handle',
      'password',
    ]);
    expect(problem.errors.find((e) => e.path === 'password')?.message).toMatch(/at least 10/);
  });

  it('refuses one of the most common passwords, an unknown field, malformed JSON and a huge body', async () => {
    const common = await t.call('POST', '/v1/auth/register', {
      body: { ...newAccount(), password: 'password123' },
      headers: from('10.1.3.1'),
    });
    expect(common.status).toBe(400);
    expect(await common.json()).toMatchObject({
      errors: [{ path: 'password', message: expect.stringMatching(/commonly used/) }],
    });

    const extra = await t.call('POST', '/v1/auth/register', {
      body: { ...newAccount(), admin: true },
      headers: from('10.1.3.1'),
    });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(await extra.json())).toContain('admin');

    const malformed = await t.call('POST', '/v1/auth/register', {
      body: '{"email": ',
      headers: from('10.1.3.1'),
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'request.invalid' });

    const huge = await t.call('POST', '/v1/auth/register', {
      body: { ...newAccount(), displayName: 'x'.repeat(100_000) },
      headers: from('10.1.3.1'),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: 'request.too_large' });

    const noBody = await t.call('POST', '/v1/auth/login', { headers: from('10.1.3.1') });
    expect(noBody.status).toBe(400);
  });

  it('answers 409 naming the field when the e-mail address or handle is taken', async () => {
    const account = newAccount();
    expect(
      (await t.call('POST', '/v1/auth/register', { body: account, headers: from('10.1.4.1') }))
        .status,
    ).toBe(201);
    const sameEmail = await t.call('POST', '/v1/auth/register', {
      body: { ...newAccount(), email: account.email },
      headers: from('10.1.4.1'),
    });
    expect(sameEmail.status).toBe(409);
    expect(await sameEmail.json()).toMatchObject({
      code: 'resource.conflict',
      errors: [{ path: 'email' }],
    });
    const sameHandle = await t.call('POST', '/v1/auth/register', {
      body: { ...newAccount(), handle: account.handle.toUpperCase() },
      headers: from('10.1.4.1'),
    });
    expect(sameHandle.status).toBe(409);
    expect(await sameHandle.json()).toMatchObject({
      errors: [{ path: 'handle', message: 'is already taken' }],
    });
  });

  it('refuses an unknown verification token', async () => {
    const res = await t.call('POST', '/v1/auth/verify', { body: { token: 'not-a-real-token' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'auth.link_invalid',
      errors: [{ path: 'token', message: 'is not valid' }],
    });
  });
});

describe('login', () => {
  it('refuses a wrong password and an unknown address alike', async () => {
    const account = await verifiedAccount();
    const wrong = await t.call('POST', '/v1/auth/login', {
      body: { email: account.email, password: 'wrong password!' },
      headers: from('10.2.0.1'),
    });
    const unknown = await t.call('POST', '/v1/auth/login', {
      body: { email: 'ghost@example.test', password: PASSWORD },
      headers: from('10.2.0.1'),
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('locks an account after 10 failed attempts with 429 and Retry-After, even for the right password', async () => {
    const account = await verifiedAccount();
    for (let i = 0; i < 10; i++) {
      const res = await t.call('POST', '/v1/auth/login', {
        body: { email: account.email, password: `wrong password ${i}` },
        headers: from(`10.2.1.${i}`),
      });
      expect(res.status).toBe(401);
    }
    const locked = await t.call('POST', '/v1/auth/login', {
      body: { email: account.email, password: PASSWORD },
      headers: from('10.2.1.99'),
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    expect(await locked.json()).toMatchObject({ code: 'auth.rate_limited' });
  });

  it('limits attempts per client address across accounts', async () => {
    const account = await verifiedAccount();
    let status = 0;
    let attempts = 0;
    while (status !== 429 && attempts < 60) {
      attempts += 1;
      const res = await t.call('POST', '/v1/auth/login', {
        body: { email: `probe${attempts}@example.test`, password: 'wrong password' },
        headers: from('10.2.2.1'),
      });
      status = res.status;
      if (status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(attempts).toBe(51);
    // The same account from another address is not affected.
    await logIn(account, '10.2.2.2');
  });
});

describe('tokens', () => {
  it('rotates the refresh token on every refresh, and a reused one revokes the whole family', async () => {
    const first = await logIn(await verifiedAccount());
    const r1 = await t.call('POST', '/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(r1.status).toBe(200);
    const second = (await r1.json()) as { accessToken: string; refreshToken: string };
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.call('GET', '/v1/me', { token: second.accessToken })).status).toBe(200);

    const reuse = await t.call('POST', '/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(reuse.status).toBe(401);
    expect(await reuse.json()).toMatchObject({
      code: 'auth.token_invalid',
      detail: expect.stringContaining('already used'),
    });
    // The thief's or the owner's newer token is dead too.
    const afterReuse = await t.call('POST', '/v1/auth/refresh', {
      body: { refreshToken: second.refreshToken },
    });
    expect(afterReuse.status).toBe(401);
    expect(await afterReuse.json()).toMatchObject({ detail: expect.stringContaining('revoked') });
  });

  it('refuses an unknown refresh token and a malformed bearer token', async () => {
    expect(
      (await t.call('POST', '/v1/auth/refresh', { body: { refreshToken: 'made-up' } })).status,
    ).toBe(401);
    const res = await t.call('GET', '/v1/me', { headers: { authorization: 'Bearer not.a.jwt' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'auth.token_invalid' });
  });

  it('logout revokes the access token for the next request and the refresh family', async () => {
    const account = await verifiedAccount();
    const session = await logIn(account);
    const other = await logIn(account);
    expect((await t.call('POST', '/v1/auth/logout', { token: session.accessToken })).status).toBe(
      204,
    );
    const next = await t.call('GET', '/v1/me', { token: session.accessToken });
    expect(next.status).toBe(401);
    expect(await next.json()).toMatchObject({ detail: expect.stringContaining('revoked') });
    expect(
      (await t.call('POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } }))
        .status,
    ).toBe(401);
    // Another sign-in of the same account is untouched.
    expect((await t.call('GET', '/v1/me', { token: other.accessToken })).status).toBe(200);
    expect(
      (await t.call('POST', '/v1/auth/refresh', { body: { refreshToken: other.refreshToken } }))
        .status,
    ).toBe(200);
    expect((await t.call('POST', '/v1/auth/logout')).status).toBe(401);
  });
});

describe('password reset', () => {
  it('answers the same for an unknown address', async () => {
    const res = await t.call('POST', '/v1/auth/password-reset', {
      body: { email: 'nobody@example.test' },
      headers: from('10.3.0.1'),
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'accepted' });
  });

  it('mails a link; the new password signs out every session and the old password stops working', async () => {
    const account = await verifiedAccount();
    const a = await logIn(account);
    const b = await logIn(account);
    expect(
      (
        await t.call('POST', '/v1/auth/password-reset', {
          body: { email: account.email },
          headers: from('10.3.1.1'),
        })
      ).status,
    ).toBe(202);
    const token = linkTokenIn(
      await waitForMail(account.email, /Reset your Pluma password/),
      '/reset-password',
    );

    const weak = await t.call('POST', '/v1/auth/password-reset/confirm', {
      body: { token, password: 'qwertyuiop' },
    });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ errors: [{ path: 'password' }] });

    const newPassword = 'a brand new quill 42';
    expect(
      (
        await t.call('POST', '/v1/auth/password-reset/confirm', {
          body: { token, password: newPassword },
        })
      ).status,
    ).toBe(204);
    for (const session of [a, b]) {
      expect((await t.call('GET', '/v1/me', { token: session.accessToken })).status).toBe(401);
      expect(
        (await t.call('POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } }))
          .status,
      ).toBe(401);
    }
    const old = await t.call('POST', '/v1/auth/login', {
      body: { email: account.email, password: PASSWORD },
      headers: from('10.3.1.2'),
    });
    expect(old.status).toBe(401);
    const fresh = await logIn({ email: account.email, password: newPassword }, '10.3.1.2');
    expect((await t.call('GET', '/v1/me', { token: fresh.accessToken })).status).toBe(200);
    // The link works once.
    expect(
      (
        await t.call('POST', '/v1/auth/password-reset/confirm', {
          body: { token, password: 'yet another quill 7' },
        })
      ).status,
    ).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the auth routes with their schemas and bearer security', async () => {
    const spec = (await (await t.call('GET', '/v1/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { security?: unknown; requestBody?: unknown; responses: Record<string, unknown> }
        >
      >;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    for (const path of [
      '/v1/auth/register',
      '/v1/auth/login',
      '/v1/auth/refresh',
      '/v1/auth/logout',
      '/v1/auth/verify',
      '/v1/auth/password-reset/confirm',
    ]) {
      expect(spec.paths[path]?.post, path).toBeDefined();
    }
    expect(spec.paths['/v1/auth/login']!.post!.responses).toHaveProperty('429');
    expect(spec.paths['/v1/auth/logout']!.post!.security).toEqual([{ bearerAuth: [] }]);
    expect(spec.components.schemas).toHaveProperty('Tokens');
    expect(spec.components.schemas).toHaveProperty('Register');
    expect(spec.components.securitySchemes).toHaveProperty('bearerAuth');
  });
});

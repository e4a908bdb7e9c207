import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '@pluma/auth';
import { Session, User, Work, WorkCollaborator } from '@pluma/db';
import { WORK_ACCESS_CHANNEL } from '@pluma/queue';
import { createTestUser, type TestUser } from '@pluma/testing';
import { startAccountsTestApp, type AccountsTestApp } from '../auth/accounts-test-app.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1c5b3e50000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8L'),
  Buffer.alloc(14),
]);

let t: AccountsTestApp;
beforeAll(async () => {
  t = await startAccountsTestApp('me');
});
afterAll(async () => {
  await t?.stop();
});

async function putAvatar(user: TestUser, body: Uint8Array, contentType: string) {
  return t.app.request('/v1/me/avatar', {
    method: 'PUT',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': contentType },
    body,
  });
}

describe('GET and PATCH /v1/me', () => {
  it('shows the account with default preferences, and 401 without a token', async () => {
    const user = await createTestUser(t.db.orm);
    const res = await t.call('GET', '/v1/me', { token: user.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: user.id,
      email: user.email,
      handle: user.handle,
      emailVerified: true,
      avatarUrl: null,
      preferences: { emailOnNewFollower: true, emailOnNewPublication: true },
    });
    const anonymous = await t.call('GET', '/v1/me');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'auth.unauthenticated' });
  });

  it('changes display name, handle and preferences', async () => {
    const user = await createTestUser(t.db.orm);
    const handle = `renamed_${user.id}`;
    const res = await t.call('PATCH', '/v1/me', {
      token: user.token,
      body: {
        displayName: '  Ana Lima ',
        handle: handle.toUpperCase(),
        preferences: { emailOnNewFollower: false },
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      displayName: 'Ana Lima',
      handle,
      preferences: { emailOnNewFollower: false, emailOnNewPublication: true },
    });
    expect(
      (await (await t.call('GET', '/v1/me', { token: user.token })).json()) as object,
    ).toMatchObject({ handle });
  });

  it('refuses a taken handle with 409, an empty change and bad fields with 400', async () => {
    const [a, b] = await Promise.all([createTestUser(t.db.orm), createTestUser(t.db.orm)]);
    const taken = await t.call('PATCH', '/v1/me', { token: a.token, body: { handle: b.handle } });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ errors: [{ path: 'handle' }] });
    const empty = await t.call('PATCH', '/v1/me', { token: a.token, body: {} });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      detail: expect.stringContaining('at least one of'),
    });
    const bad = await t.call('PATCH', '/v1/me', {
      token: a.token,
      body: { displayName: '', preferences: { emailOnNewFollower: 'yes' } },
    });
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { errors: { path: string }[] }).errors
      .map((e) => e.path)
      .sort();
    expect(paths).toEqual(['displayName', 'preferences.emailOnNewFollower']);
  });
});

describe('PUT /v1/me/avatar', () => {
  it('accepts a PNG sent as image/jpeg, stores it as PNG and serves it by a presigned URL', async () => {
    const user = await createTestUser(t.db.orm);
    const res = await putAvatar(user, PNG, 'image/jpeg');
    expect(res.status).toBe(200);
    const { avatarUrl } = (await res.json()) as { avatarUrl: string };
    expect(avatarUrl).toMatch(/\/avatars\/\d+\/[0-9a-f]{16}\.png\?.*X-Amz-Signature=/);
    const image = await fetch(avatarUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('accepts JPEG and WebP, replacing the previous object', async () => {
    const user = await createTestUser(t.db.orm);
    const first = (await (await putAvatar(user, JPEG, 'application/octet-stream')).json()) as {
      avatarUrl: string;
    };
    expect(first.avatarUrl).toMatch(/\.jpg\?/);
    const second = (await (await putAvatar(user, WEBP, 'image/webp')).json()) as {
      avatarUrl: string;
    };
    expect(second.avatarUrl).toMatch(/\.webp\?/);
    const keys: string[] = [];
    for await (const item of t.s3.client.listObjectsV2(t.s3.bucket, `avatars/${user.id}/`, true))
      keys.push((item as { name: string }).name);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/\.webp$/);
  });

  it('refuses a text file labelled image/png with 415, an empty body with 400 and over 5 MB with 413', async () => {
    const user = await createTestUser(t.db.orm);
    const text = await putAvatar(user, Buffer.from('definitely not an image\n'), 'image/png');
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ code: 'request.unsupported_media_type' });
    expect((await putAvatar(user, new Uint8Array(0), 'image/png')).status).toBe(400);
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await putAvatar(user, big, 'image/png');
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({
      code: 'request.too_large',
      detail: expect.stringContaining('5 MB'),
    });
    expect(
      (await (await t.call('GET', '/v1/me', { token: user.token })).json()) as object,
    ).toMatchObject({ avatarUrl: null });
  });
});

describe('DELETE /v1/me', () => {
  it('anonymises the account, frees its handle and e-mail, revokes its tokens and keeps co-written works', async () => {
    const user = await createTestUser(t.db.orm);
    const coAuthor = await createTestUser(t.db.orm);
    const em = t.db.orm.em.fork();
    const me = await em.findOneOrFail(User, user.id);
    me.passwordHash = await hashPassword('plume of seven quills');
    const other = await em.findOneOrFail(User, coAuthor.id);
    const solo = em.create(Work, { owner: me, title: 'Solo draft' });
    const shared = em.create(Work, { owner: me, title: 'Shared book', publishedAt: new Date() });
    const theirs = em.create(Work, { owner: other, title: 'Their book' });
    em.create(WorkCollaborator, { work: solo, user: me, role: 'owner' });
    em.create(WorkCollaborator, { work: shared, user: me, role: 'owner' });
    em.create(WorkCollaborator, { work: shared, user: other, role: 'editor' });
    em.create(WorkCollaborator, { work: theirs, user: other, role: 'owner' });
    em.create(WorkCollaborator, { work: theirs, user: me, role: 'editor' });
    await em.flush();
    expect((await putAvatar(user, PNG, 'image/png')).status).toBe(200);
    const login = await t.call('POST', '/v1/auth/login', {
      body: { email: user.email, password: 'plume of seven quills' },
    });
    const { refreshToken } = (await login.json()) as { refreshToken: string };

    const subscriber = t.redis.duplicate();
    await subscriber.connect();
    const accessMessages: unknown[] = [];
    await subscriber.subscribe(t.redisPrefix + WORK_ACCESS_CHANNEL, (m) =>
      accessMessages.push(JSON.parse(m)),
    );

    expect((await t.call('DELETE', '/v1/me', { token: user.token })).status).toBe(204);

    // Collab nodes hear that the user left every work and that the heir now owns the shared one.
    await vi.waitFor(() => {
      expect(accessMessages).toContainEqual({ workId: theirs.id, userId: user.id, role: null });
      expect(accessMessages).toContainEqual({
        workId: shared.id,
        userId: coAuthor.id,
        role: 'owner',
      });
    });
    await subscriber.close();

    expect((await t.call('GET', '/v1/me', { token: user.token })).status).toBe(401);
    expect((await t.call('POST', '/v1/auth/refresh', { body: { refreshToken } })).status).toBe(401);
    const check = t.db.orm.em.fork();
    const row = await check.findOneOrFail(User, user.id);
    expect(row).toMatchObject({
      displayName: 'Deleted user',
      handle: `deleted-${user.id}`,
      avatarKey: null,
      passwordHash: '!',
    });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await check.count(Session, { user: user.id })).toBe(0);
    expect(await check.findOne(Work, { title: 'Solo draft' })).toBeNull();
    const sharedAfter = await check.findOneOrFail(Work, { title: 'Shared book' });
    expect(sharedAfter.owner.id).toBe(coAuthor.id);
    expect(
      await check.findOneOrFail(WorkCollaborator, { work: sharedAfter.id, user: coAuthor.id }),
    ).toMatchObject({ role: 'owner' });
    expect(await check.count(WorkCollaborator, { user: user.id })).toBe(0);
    expect(await check.findOne(Work, { title: 'Their book' })).not.toBeNull();
    const keys: string[] = [];
    for await (const item of t.s3.client.listObjectsV2(t.s3.bucket, `avatars/${user.id}/`, true))
      keys.push((item as { name: string }).name);
    expect(keys).toEqual([]);
    // The handle and address can be used again.
    const reuse = await t.call('POST', '/v1/auth/register', {
      body: {
        email: user.email,
        handle: user.handle,
        displayName: 'New',
        password: 'plume of seven quills',
      },
    });
    expect(reuse.status).toBe(201);
  });
});

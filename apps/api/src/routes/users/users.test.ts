import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User, Work, WorkCollaborator } from '@pluma/db';
import { createTestUser } from '@pluma/testing';
import { startAccountsTestApp, type AccountsTestApp } from '../auth/accounts-test-app.ts';

let t: AccountsTestApp;
beforeAll(async () => {
  t = await startAccountsTestApp('users');
});
afterAll(async () => {
  await t?.stop();
});

describe('GET /v1/users/{handle}', () => {
  it('shows public facts and the published works the user owns or co-writes, newest first, never drafts', async () => {
    const ana = await createTestUser(t.db.orm, { displayName: 'Ana' });
    const bo = await createTestUser(t.db.orm);
    const em = t.db.orm.em.fork();
    const [a, b] = [await em.findOneOrFail(User, ana.id), await em.findOneOrFail(User, bo.id)];
    const own = em.create(Work, {
      owner: a,
      title: 'Own book',
      publishedAt: new Date('2026-01-02T00:00:00Z'),
    });
    const coWritten = em.create(Work, {
      owner: b,
      title: 'Co-written',
      description: 'With Bo',
      publishedAt: new Date('2026-03-04T00:00:00Z'),
    });
    const draft = em.create(Work, { owner: a, title: 'Secret draft' });
    const bosOwn = em.create(Work, { owner: b, title: 'Bo alone', publishedAt: new Date() });
    em.create(WorkCollaborator, { work: own, user: a, role: 'owner' });
    em.create(WorkCollaborator, { work: coWritten, user: b, role: 'owner' });
    em.create(WorkCollaborator, { work: coWritten, user: a, role: 'editor' });
    em.create(WorkCollaborator, { work: draft, user: a, role: 'owner' });
    em.create(WorkCollaborator, { work: bosOwn, user: b, role: 'owner' });
    await em.flush();

    const res = await t.call('GET', `/v1/users/${ana.handle.toUpperCase()}`);
    expect(res.status).toBe(200);
    const profile = (await res.json()) as Record<string, unknown>;
    expect(profile).toEqual({
      handle: ana.handle,
      displayName: 'Ana',
      avatarUrl: null,
      availableToMentor: false,
      needsMentoring: false,
      interests: null,
      skills: null,
      createdAt: expect.any(String),
      works: [
        {
          id: coWritten.id,
          title: 'Co-written',
          description: 'With Bo',
          publishedAt: '2026-03-04T00:00:00.000Z',
          role: 'editor',
        },
        {
          id: own.id,
          title: 'Own book',
          description: null,
          publishedAt: '2026-01-02T00:00:00.000Z',
          role: 'owner',
        },
      ],
    });
    expect(JSON.stringify(profile)).not.toContain(ana.email);
  });

  it('answers 404 for an unknown handle and for a deleted account', async () => {
    const unknown = await t.call('GET', '/v1/users/nobody_here');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      code: 'resource.not_found',
      detail: expect.stringContaining('nobody_here'),
    });
    const gone = await createTestUser(t.db.orm);
    expect((await t.call('DELETE', '/v1/me', { token: gone.token })).status).toBe(204);
    expect((await t.call('GET', `/v1/users/${gone.handle}`)).status).toBe(404);
    expect((await t.call('GET', `/v1/users/deleted-${gone.id}`)).status).toBe(404);
  });

  it('refuses an over-long handle with 400', async () => {
    const res = await t.call('GET', `/v1/users/${'x'.repeat(65)}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ path: 'handle' }] });
  });
});

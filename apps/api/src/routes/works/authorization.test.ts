// The authorization matrix: for every route of works, pages, publishing and reading, and for each
// actor (owner, editor, viewer, stranger, anonymous), the status they get — on a draft and on a
// published work. Each cell runs on a fresh fixture, so a successful DELETE cannot affect the next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Page, PublishedPage, User, Work, WorkCollaborator } from '@pluma/db';
import type { TestUser } from '@pluma/testing';
import { startWorksTestApp, type WorksTestApp } from './works-test-app.ts';

const ACTORS = ['owner', 'editor', 'viewer', 'stranger', 'anonymous'] as const;
type Actor = (typeof ACTORS)[number];
type Statuses = [
  owner: number,
  editor: number,
  viewer: number,
  stranger: number,
  anonymous: number,
];

interface Fixture {
  workId: number;
  pageId: number;
  viewerId: number;
}

interface RouteCase {
  name: string;
  request(
    f: Fixture,
  ): [method: string, path: string, body?: unknown, headers?: Record<string, string>];
  draft: Statuses;
  published: Statuses;
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

const ROUTES: RouteCase[] = [
  {
    name: 'GET /works/:id',
    request: (f) => ['GET', `/v1/works/${f.workId}`],
    draft: [200, 200, 200, 404, 404],
    published: [200, 200, 200, 200, 200],
  },
  {
    name: 'GET /works',
    request: () => ['GET', '/v1/works'],
    draft: [200, 200, 200, 200, 200],
    published: [200, 200, 200, 200, 200],
  },
  {
    name: 'PATCH /works/:id',
    request: (f) => ['PATCH', `/v1/works/${f.workId}`, { title: 'New' }],
    draft: [200, 200, 403, 404, 401],
    published: [200, 200, 403, 403, 401],
  },
  {
    name: 'DELETE /works/:id',
    request: (f) => ['DELETE', `/v1/works/${f.workId}`],
    draft: [204, 403, 403, 404, 401],
    published: [204, 403, 403, 403, 401],
  },
  {
    name: 'PUT /works/:id/cover',
    request: (f) => ['PUT', `/v1/works/${f.workId}/cover`, PNG, { 'content-type': 'image/png' }],
    draft: [200, 200, 403, 404, 401],
    published: [200, 200, 403, 403, 401],
  },
  {
    name: 'POST /works/:id/publish',
    request: (f) => ['POST', `/v1/works/${f.workId}/publish`],
    draft: [200, 403, 403, 404, 401],
    published: [200, 403, 403, 403, 401],
  },
  {
    name: 'POST /works/:id/unpublish',
    request: (f) => ['POST', `/v1/works/${f.workId}/unpublish`],
    draft: [200, 403, 403, 404, 401],
    published: [200, 403, 403, 403, 401],
  },
  {
    name: 'GET /works/:id/collaborators',
    request: (f) => ['GET', `/v1/works/${f.workId}/collaborators`],
    draft: [200, 200, 200, 404, 401],
    published: [200, 200, 200, 403, 401],
  },
  {
    name: 'POST /works/:id/collaborators',
    request: (f) => [
      'POST',
      `/v1/works/${f.workId}/collaborators`,
      { handle: 'mx_extra', role: 'viewer' },
    ],
    draft: [201, 403, 403, 404, 401],
    published: [201, 403, 403, 403, 401],
  },
  {
    name: 'PATCH /works/:id/collaborators/:userId',
    request: (f) => [
      'PATCH',
      `/v1/works/${f.workId}/collaborators/${f.viewerId}`,
      { role: 'editor' },
    ],
    draft: [200, 403, 403, 404, 401],
    published: [200, 403, 403, 403, 401],
  },
  {
    name: 'DELETE /works/:id/collaborators/:userId',
    request: (f) => ['DELETE', `/v1/works/${f.workId}/collaborators/${f.viewerId}`],
    draft: [204, 403, 403, 404, 401],
    published: [204, 403, 403, 403, 401],
  },
  {
    name: 'POST /works/:id/pages',
    request: (f) => ['POST', `/v1/works/${f.workId}/pages`, { title: 'P' }],
    draft: [201, 201, 403, 404, 401],
    published: [201, 201, 403, 403, 401],
  },
  {
    name: 'GET /works/:id/pages',
    request: (f) => ['GET', `/v1/works/${f.workId}/pages`],
    draft: [200, 200, 200, 404, 404],
    published: [200, 200, 200, 200, 200],
  },
  {
    name: 'POST /works/:id/pages/order',
    request: (f) => ['POST', `/v1/works/${f.workId}/pages/order`, { pageIds: [f.pageId] }],
    draft: [200, 200, 403, 404, 401],
    published: [200, 200, 403, 403, 401],
  },
  {
    name: 'PATCH /pages/:id',
    request: (f) => ['PATCH', `/v1/pages/${f.pageId}`, { title: 'Q' }],
    draft: [200, 200, 403, 404, 401],
    published: [200, 200, 403, 403, 401],
  },
  {
    name: 'DELETE /pages/:id',
    request: (f) => ['DELETE', `/v1/pages/${f.pageId}`],
    draft: [204, 204, 403, 404, 401],
    published: [204, 204, 403, 403, 401],
  },
  {
    name: 'GET /pages/:id/published',
    request: (f) => ['GET', `/v1/pages/${f.pageId}/published`],
    draft: [404, 404, 404, 404, 404],
    published: [200, 200, 200, 200, 200],
  },
  {
    name: 'PUT /works/:id/progress',
    request: (f) => ['PUT', `/v1/works/${f.workId}/progress`, { pageId: f.pageId, position: 3 }],
    draft: [200, 200, 200, 404, 401],
    published: [200, 200, 200, 200, 401],
  },
  {
    name: 'GET /me/reading',
    request: () => ['GET', '/v1/me/reading'],
    draft: [200, 200, 200, 200, 401],
    published: [200, 200, 200, 200, 401],
  },
  {
    name: 'GET /genres',
    request: () => ['GET', '/v1/genres'],
    draft: [200, 200, 200, 200, 200],
    published: [200, 200, 200, 200, 200],
  },
];

describe('authorization matrix', () => {
  let t: WorksTestApp;
  const users = {} as Record<Exclude<Actor, 'anonymous'>, TestUser>;

  beforeAll(async () => {
    t = await startWorksTestApp('authz');
    for (const actor of ['owner', 'editor', 'viewer', 'stranger'] as const)
      users[actor] = await t.user(`mx_${actor}`);
    await t.user('mx_extra');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A work with an editor, a viewer and one page; published with that page frozen, or a draft. */
  async function createFixture(published: boolean): Promise<Fixture> {
    const em = t.db.orm.em.fork();
    const [owner, editor, viewer] = [users.owner, users.editor, users.viewer].map((u) =>
      em.getReference(User, u.id),
    );
    const publishedAt = published ? new Date() : null;
    const work = em.create(Work, {
      owner: owner as User,
      title: 'Matrix',
      description: null,
      genre: null,
      coverKey: null,
      publishedAt,
    });
    em.create(WorkCollaborator, { work, user: owner as User, role: 'owner' });
    em.create(WorkCollaborator, { work, user: editor as User, role: 'editor' });
    em.create(WorkCollaborator, { work, user: viewer as User, role: 'viewer' });
    const page = em.create(Page, { work, title: 'Only page', position: 0 });
    if (publishedAt) {
      em.create(PublishedPage, {
        page,
        work,
        title: page.title,
        position: 0,
        json: { type: 'doc', content: [] },
        html: '',
        text: '',
        publishedAt,
      });
    }
    await em.flush();
    return { workId: work.id, pageId: page.id, viewerId: users.viewer.id };
  }

  for (const state of ['draft', 'published'] as const) {
    describe(`on a ${state} work`, () => {
      it.each(ROUTES)('$name', async (route) => {
        const actual: Record<string, number> = {};
        const expected: Record<string, number> = {};
        for (const [i, actor] of ACTORS.entries()) {
          const fixture = await createFixture(state === 'published');
          const [method, path, body, headers] = route.request(fixture);
          const res = await t.call(
            actor === 'anonymous' ? undefined : users[actor],
            method,
            path,
            body,
            headers,
          );
          if (res.status >= 400)
            expect(res.headers.get('content-type')).toBe('application/problem+json');
          actual[actor] = res.status;
          expected[actor] = route[state][i] as number;
        }
        expect(actual).toEqual(expected);
      });
    });
  }
});

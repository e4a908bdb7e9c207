import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WORK_ACCESS_CHANNEL, WorkAccessChangedSchema, type WorkAccessChanged } from '@pluma/queue';
import type { TestUser } from '@pluma/testing';
import { startWorksTestApp, type WorksTestApp } from './works-test-app.ts';

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

interface WorkJson {
  id: number;
  title: string;
  description: string | null;
  genre: { slug: string; name: string } | null;
  owner: { handle: string };
  coverUrl: string | null;
  published: boolean;
  role: string | null;
}

describe('works', () => {
  let t: WorksTestApp;
  let ana: TestUser;
  let ben: TestUser;
  let cleo: TestUser;
  const messages: WorkAccessChanged[] = [];
  let subscriber: WorksTestApp['redis'];

  beforeAll(async () => {
    t = await startWorksTestApp('works');
    [ana, ben, cleo] = await Promise.all([t.user('ana_w'), t.user('ben_w'), t.user('cleo_w')]);
    subscriber = t.redis.duplicate();
    await subscriber.connect();
    await subscriber.subscribe(t.redisPrefix + WORK_ACCESS_CHANNEL, (message) => {
      messages.push(WorkAccessChangedSchema.parse(JSON.parse(message)));
    });
  });
  afterAll(async () => {
    await subscriber?.close();
    await t?.close();
  });

  async function createWork(who: TestUser, body: Record<string, unknown>): Promise<WorkJson> {
    const res = await t.call(who, 'POST', '/v1/works', body);
    expect(res.status).toBe(201);
    return (await res.json()) as WorkJson;
  }

  it('creates a draft owned by its creator, with genre and description', async () => {
    const work = await createWork(ana, {
      title: '  The Owl  ',
      description: 'Night birds.',
      genre: 'fantasy',
    });
    expect(work).toMatchObject({
      title: 'The Owl',
      description: 'Night birds.',
      genre: { slug: 'fantasy', name: 'Fantasy' },
      owner: { handle: 'ana_w' },
      published: false,
      role: 'owner',
      coverUrl: null,
    });
    const collaborators = await t.call(ana, 'GET', `/v1/works/${work.id}/collaborators`);
    expect(await collaborators.json()).toMatchObject({
      items: [{ user: { handle: 'ana_w' }, role: 'owner' }],
    });
  });

  it('changes and deletes a work', async () => {
    const work = await createWork(ana, { title: 'Draft' });
    const patched = await t.call(ana, 'PATCH', `/v1/works/${work.id}`, {
      title: 'Renamed',
      genre: 'poetry',
      description: null,
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      title: 'Renamed',
      genre: { slug: 'poetry' },
      description: null,
    });
    expect((await t.call(ana, 'DELETE', `/v1/works/${work.id}`)).status).toBe(204);
    expect((await t.call(ana, 'GET', `/v1/works/${work.id}`)).status).toBe(404);
  });

  it('lists published works for everybody and drafts only for their collaborators, by cursor', async () => {
    const author = await t.user();
    const published: number[] = [];
    for (const title of ['One', 'Two', 'Three']) {
      const work = await createWork(author, { title, genre: 'mystery' });
      expect((await t.call(author, 'POST', `/v1/works/${work.id}/publish`)).status).toBe(200);
      published.push(work.id);
    }
    const draft = await createWork(author, { title: 'Secret', genre: 'mystery' });

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/v1/works?author=${author.handle}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.call(undefined, 'GET', query);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: WorkJson[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((w) => w.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...published].reverse());

    const own = (await (
      await t.call(author, 'GET', `/v1/works?author=${author.handle}&genre=mystery`)
    ).json()) as { items: WorkJson[] };
    expect(own.items.map((w) => w.id)).toEqual([draft.id, ...[...published].reverse()]);
    const stranger = (await (
      await t.call(cleo, 'GET', `/v1/works?author=${author.handle}`)
    ).json()) as { items: WorkJson[] };
    expect(stranger.items.map((w) => w.id)).not.toContain(draft.id);
    const otherGenre = (await (
      await t.call(author, 'GET', `/v1/works?author=${author.handle}&genre=poetry`)
    ).json()) as { items: WorkJson[] };
    expect(otherGenre.items).toEqual([]);
  });

  it('stores a cover in S3 and presents it as a presigned URL', async () => {
    const work = await createWork(ana, { title: 'Covered' });
    const res = await t.call(ana, 'PUT', `/v1/works/${work.id}/cover`, PNG, {
      'content-type': 'image/png',
    });
    expect(res.status).toBe(200);
    const { coverUrl } = (await res.json()) as WorkJson;
    expect(coverUrl).toMatch(/X-Amz-Signature=/);
    const image = await fetch(coverUrl as string);
    expect(image.status).toBe(200);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
  });

  it('refuses covers that are not PNG, JPEG or WebP (by content), empty, or over 5 MB', async () => {
    const work = await createWork(ana, { title: 'Uncovered' });
    const path = `/v1/works/${work.id}/cover`;
    const gif = new TextEncoder().encode('GIF89a....');
    const wrongType = await t.call(ana, 'PUT', path, gif, { 'content-type': 'image/png' });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toMatchObject({
      code: 'request.unsupported_media_type',
      detail: expect.stringMatching(/PNG, JPEG or WebP/),
    });
    const empty = await t.call(ana, 'PUT', path, new Uint8Array(0), {
      'content-type': 'image/png',
    });
    expect(empty.status).toBe(400);
    const huge = new Uint8Array(5 * 1024 * 1024 + 1);
    huge.set(PNG);
    const tooBig = await t.call(ana, 'PUT', path, huge, { 'content-type': 'image/png' });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('content-type')).toBe('application/problem+json');
  });

  it('manages collaborators and tells collab nodes on Redis when access changes', async () => {
    const work = await createWork(ana, { title: 'Together' });
    const base = `/v1/works/${work.id}/collaborators`;
    const added = await t.call(ana, 'POST', base, { handle: 'ben_w', role: 'editor' });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ user: { handle: 'ben_w' }, role: 'editor' });

    const duplicate = await t.call(ana, 'POST', base, { handle: 'ben_w', role: 'viewer' });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({
      code: 'resource.conflict',
      detail: expect.stringMatching(/already collaborates/),
    });
    expect((await t.call(ana, 'POST', base, { handle: 'ana_w', role: 'viewer' })).status).toBe(409);
    const unknown = await t.call(ana, 'POST', base, { handle: 'nobody_here', role: 'viewer' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ detail: 'No user with handle "nobody_here".' });

    const demoted = await t.call(ana, 'PATCH', `${base}/${ben.id}`, { role: 'viewer' });
    expect(await demoted.json()).toMatchObject({ role: 'viewer' });
    await vi.waitFor(() =>
      expect(messages).toContainEqual({ workId: work.id, userId: ben.id, role: 'viewer' }),
    );

    expect((await t.call(ana, 'DELETE', `${base}/${ben.id}`)).status).toBe(204);
    await vi.waitFor(() =>
      expect(messages).toContainEqual({ workId: work.id, userId: ben.id, role: null }),
    );
    expect((await t.call(ben, 'GET', `/v1/works/${work.id}`)).status).toBe(404);
    expect((await t.call(ana, 'DELETE', `${base}/${ben.id}`)).status).toBe(404);

    for (const [method, body] of [
      ['PATCH', { role: 'viewer' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await t.call(ana, method, `${base}/${ana.id}`, body);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({
        code: 'state.invalid_transition',
        detail: expect.stringMatching(/owner/),
      });
    }
  });

  it('answers bad input with a problem naming the field and why', async () => {
    const work = await createWork(ana, { title: 'Strict' });
    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', '/v1/works', {}, 400, /title: /],
      ['POST', '/v1/works', { title: '' }, 400, /title: must not be empty/],
      [
        'POST',
        '/v1/works',
        { title: 'x'.repeat(201) },
        400,
        /title: must be at most 200 characters/,
      ],
      ['POST', '/v1/works', { title: 5 }, 400, /title: /],
      [
        'POST',
        '/v1/works',
        { title: 'ok', genre: 'not a slug!' },
        400,
        /genre: must be a genre slug/,
      ],
      [
        'POST',
        '/v1/works',
        { title: 'ok', genre: 'cookbooks' },
        400,
        /genre: unknown genre "cookbooks"/,
      ],
      ['POST', '/v1/works', { title: 'ok', colour: 'red' }, 400, /colour/],
      ['PATCH', `/v1/works/${work.id}`, {}, 400, /at least one of title, description, genre/],
      ['GET', '/v1/works/abc', undefined, 400, /id: must be a positive integer id/],
      ['GET', '/v1/works/0', undefined, 400, /id: must be a positive integer id/],
      ['GET', '/v1/works?limit=500', undefined, 400, /limit: must be an integer from 1 to 50/],
      ['GET', '/v1/works?cursor=!!', undefined, 400, /cursor: must be the nextCursor/],
      ['GET', '/v1/works?cursor=bm9wZQ', undefined, 400, /cursor: must be the nextCursor/],
      [
        'POST',
        `/v1/works/${work.id}/collaborators`,
        { handle: 'ben_w', role: 'owner' },
        400,
        /role: must be "editor" or "viewer"/,
      ],
      ['GET', '/v1/works/999999999', undefined, 404, /No work with id 999999999/],
    ];
    for (const [method, path, body, status, detail] of cases) {
      const res = await t.call(ana, method, path, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status });
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
    }
  });

  it('refuses malformed JSON, a non-JSON body, an oversized body and a bad token', async () => {
    const malformed = await t.call(ana, 'POST', '/v1/works', '{"title":', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      code: 'request.invalid',
      detail: expect.stringMatching(/JSON/),
    });
    const text = await t.call(ana, 'POST', '/v1/works', 'title=x', {
      'content-type': 'text/plain',
    });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({
      code: 'request.unsupported_media_type',
      detail: expect.stringMatching(/Content-Type: application\/json/),
    });
    const big = await t.call(ana, 'POST', '/v1/works', {
      title: 'x',
      description: 'y'.repeat(70 * 1024),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'request.too_large' });
    const badToken = await t.call({ ...ana, token: 'not-a-jwt' }, 'GET', '/v1/works');
    expect(badToken.status).toBe(401);
  });

  it('documents every route in the OpenAPI spec', async () => {
    const spec = (await (await t.call(undefined, 'GET', '/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const expected: [string, string][] = [
      ['/v1/works', 'post'],
      ['/v1/works', 'get'],
      ['/v1/works/{id}', 'get'],
      ['/v1/works/{id}', 'patch'],
      ['/v1/works/{id}', 'delete'],
      ['/v1/works/{id}/cover', 'put'],
      ['/v1/works/{id}/publish', 'post'],
      ['/v1/works/{id}/unpublish', 'post'],
      ['/v1/works/{id}/collaborators', 'post'],
      ['/v1/works/{id}/collaborators/{userId}', 'patch'],
      ['/v1/works/{id}/collaborators/{userId}', 'delete'],
      ['/v1/works/{id}/pages', 'post'],
      ['/v1/works/{id}/pages', 'get'],
      ['/v1/works/{id}/pages/order', 'post'],
      ['/v1/pages/{id}', 'patch'],
      ['/v1/pages/{id}', 'delete'],
      ['/v1/pages/{id}/published', 'get'],
      ['/v1/genres', 'get'],
      ['/v1/works/{id}/progress', 'put'],
      ['/v1/me/reading', 'get'],
    ];
    for (const [path, method] of expected)
      expect(spec.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YjsUpdate } from '@pluma/db';
import type { TestUser } from '@pluma/testing';
import { pageJSONToDoc } from '@pluma/text';
import { startWorksTestApp, type WorksTestApp } from '../works/works-test-app.ts';

// A whole 1×1 PNG, so the bytes served back are a real image.
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface ImageJson {
  id: string;
  url: string;
}

describe('images inside pages', () => {
  let t: WorksTestApp;
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let workId: number;

  beforeAll(async () => {
    t = await startWorksTestApp('images');
    [owner, editor, viewer, stranger] = await Promise.all([
      t.user('img_owner'),
      t.user('img_editor'),
      t.user('img_viewer'),
      t.user('img_stranger'),
    ]);
    workId = await newWork('Illustrated');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newWork(title: string): Promise<number> {
    const res = await t.call(owner, 'POST', '/v1/works', { title });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: number }).id;
    for (const [who, role] of [
      [editor, 'editor'],
      [viewer, 'viewer'],
    ] as const) {
      const added = await t.call(owner, 'POST', `/v1/works/${id}/collaborators`, {
        handle: who.handle,
        role,
      });
      expect(added.status).toBe(201);
    }
    return id;
  }

  function upload(who: TestUser | undefined, body: Uint8Array, work = workId, type = 'image/png') {
    return t.call(who, 'POST', `/v1/works/${work}/images`, body, { 'content-type': type });
  }

  it('stores an uploaded PNG under a stable URL that redirects to the same bytes, without a token', async () => {
    const res = await upload(editor, PNG);
    expect(res.status).toBe(201);
    const image = (await res.json()) as ImageJson;
    expect(image.id).toMatch(UUID);
    expect(image.url).toBe(`/v1/works/${workId}/images/${image.id}`);

    const served = await t.call(undefined, 'GET', image.url);
    expect(served.status).toBe(302);
    expect(served.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const location = served.headers.get('location');
    expect(location).toMatch(/X-Amz-Signature=/);
    const bytes = await fetch(location as string);
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(PNG);

    // Each upload is a new image: the first URL keeps showing the first one.
    const second = (await (await upload(owner, PNG)).json()) as ImageJson;
    expect(second.id).not.toBe(image.id);
  });

  it('refuses what is not a PNG, JPEG or WebP by content (415), empty bodies (400) and over 5 MB (413)', async () => {
    const text = new TextEncoder().encode('just some words, not a picture');
    const wrong = await upload(owner, text);
    expect(wrong.status).toBe(415);
    expect(await wrong.json()).toMatchObject({
      code: 'request.unsupported_media_type',
      detail: expect.stringMatching(/PNG, JPEG or WebP/),
    });
    expect((await upload(owner, new Uint8Array(0))).status).toBe(400);
    const huge = new Uint8Array(5 * 1024 * 1024 + 1);
    huge.set(PNG);
    const tooBig = await upload(owner, huge);
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('content-type')).toBe('application/problem+json');
    expect(await tooBig.json()).toMatchObject({ detail: 'The image is larger than 5 MB.' });
  });

  it('lets only the owner and editors upload: viewers 403, strangers 404 on a draft, anonymous 401', async () => {
    const byViewer = await upload(viewer, PNG);
    expect(byViewer.status).toBe(403);
    expect(await byViewer.json()).toMatchObject({ code: 'auth.forbidden' });
    const byStranger = await upload(stranger, PNG);
    expect(byStranger.status).toBe(404);
    expect(await byStranger.json()).toMatchObject({ detail: `No work with id ${workId}.` });
    expect((await upload(undefined, PNG)).status).toBe(401);
    expect((await upload(owner, PNG, 999_999_999)).status).toBe(404);
  });

  it('answers 404 for an unknown image, an image of another work or of a deleted work, 400 for a bad id', async () => {
    const unknown = await t.call(
      undefined,
      'GET',
      `/v1/works/${workId}/images/3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');

    const otherWork = await newWork('Other');
    const image = (await (await upload(owner, PNG, otherWork)).json()) as ImageJson;
    expect((await t.call(undefined, 'GET', image.url)).status).toBe(302);
    const elsewhere = await t.call(undefined, 'GET', `/v1/works/${workId}/images/${image.id}`);
    expect(elsewhere.status).toBe(404);

    expect((await t.call(owner, 'DELETE', `/v1/works/${otherWork}`)).status).toBe(204);
    expect((await t.call(undefined, 'GET', image.url)).status).toBe(404);

    const bad = await t.call(undefined, 'GET', `/v1/works/${workId}/images/..%2Fcover.png`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'request.invalid',
      errors: [{ path: 'imageId', message: expect.stringMatching(/UUID v4/) }],
    });
  });

  it('keeps an uploaded image in the published page readers get, and drops unsafe image sources', async () => {
    const work = await newWork('Published with pictures');
    const image = (await (await upload(owner, PNG, work)).json()) as ImageJson;
    const pageRes = await t.call(owner, 'POST', `/v1/works/${work}/pages`, { title: 'One' });
    const page = (await pageRes.json()) as { id: number };
    const doc = pageJSONToDoc({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'An owl:' }] },
        { type: 'image', attrs: { src: image.url, alt: 'a small owl' } },
        { type: 'image', attrs: { src: 'javascript:alert(1)', alt: 'bad' } },
        { type: 'image', attrs: { src: '//evil.example/x.png', alt: 'elsewhere' } },
      ],
    });
    const em = t.db.orm.em.fork();
    em.create(YjsUpdate, {
      documentName: `page:${page.id}`,
      update: Buffer.from(Y.encodeStateAsUpdate(doc)),
    });
    await em.flush();
    expect((await t.call(owner, 'POST', `/v1/works/${work}/publish`)).status).toBe(200);

    const published = await t.call(undefined, 'GET', `/v1/pages/${page.id}/published`);
    expect(published.status).toBe(200);
    const { html } = (await published.json()) as { html: string };
    expect(html).toContain(`<img alt="a small owl" src="${image.url}" />`);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('evil.example');
    // The reader's browser follows the same URL to the picture.
    expect((await t.call(undefined, 'GET', image.url)).status).toBe(302);
  });

  it('documents both routes, the capability rule included, in the OpenAPI spec', async () => {
    const spec = (await (await t.call(undefined, 'GET', '/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { description?: string; security?: unknown }>>;
    };
    expect(spec.paths['/v1/works/{id}/images']?.post?.security).toEqual([{ bearerAuth: [] }]);
    const get = spec.paths['/v1/works/{id}/images/{imageId}']?.get;
    expect(get?.description).toMatch(/capability/);
    expect(get?.security).toBeUndefined();
  });
});

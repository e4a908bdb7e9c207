import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YjsDocument, YjsUpdate } from '@pluma/db';
import type { TestUser } from '@pluma/testing';
import { PAGE_FRAGMENT, pageJSONToDoc } from '@pluma/text';
import { startWorksTestApp, type WorksTestApp } from '../works/works-test-app.ts';

interface PageJson {
  id: number;
  title: string;
  position: number;
}
interface PublishedJson {
  title: string;
  text: string;
  html: string;
  json: { type: string };
  publishedAt: string;
}

/** Appends a Yjs update to a page's log, exactly as the collab server stores an acknowledged edit. */
async function appendUpdate(t: WorksTestApp, pageId: number, update: Uint8Array): Promise<number> {
  const em = t.db.orm.em.fork();
  const row = em.create(YjsUpdate, { documentName: `page:${pageId}`, update: Buffer.from(update) });
  await em.flush();
  return row.id;
}

function paragraphs(...texts: string[]) {
  return {
    type: 'doc',
    content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** Types `text` at the end of the first paragraph of `doc`; returns just that edit as an update. */
function typeAtEnd(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const paragraph = doc.getXmlFragment(PAGE_FRAGMENT).get(0) as Y.XmlElement;
  const run = paragraph.get(0) as Y.XmlText;
  run.insert(run.length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('pages and publishing', () => {
  let t: WorksTestApp;
  let owner: TestUser;
  let reader: TestUser;

  beforeAll(async () => {
    t = await startWorksTestApp('pages');
    [owner, reader] = await Promise.all([t.user(), t.user()]);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newWork(): Promise<number> {
    const res = await t.call(owner, 'POST', '/v1/works', { title: 'Pages' });
    return ((await res.json()) as { id: number }).id;
  }
  async function newPage(workId: number, title: string): Promise<PageJson> {
    const res = await t.call(owner, 'POST', `/v1/works/${workId}/pages`, { title });
    expect(res.status).toBe(201);
    return (await res.json()) as PageJson;
  }
  async function readPublished(pageId: number, who: TestUser | undefined = reader) {
    const res = await t.call(who, 'GET', `/v1/pages/${pageId}/published`);
    return { status: res.status, body: (await res.json()) as PublishedJson };
  }

  it('creates pages at the end, renames, reorders and deletes them', async () => {
    const workId = await newWork();
    const [a, b, c] = [
      await newPage(workId, 'A'),
      await newPage(workId, 'B'),
      await newPage(workId, 'C'),
    ];
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2]);

    const renamed = await t.call(owner, 'PATCH', `/v1/pages/${b.id}`, { title: 'Bee' });
    expect(await renamed.json()).toMatchObject({ id: b.id, title: 'Bee' });

    const ordered = await t.call(owner, 'POST', `/v1/works/${workId}/pages/order`, {
      pageIds: [c.id, a.id, b.id],
    });
    expect(ordered.status).toBe(200);
    const list = (await (await t.call(owner, 'GET', `/v1/works/${workId}/pages`)).json()) as {
      items: PageJson[];
    };
    expect(list.items.map((p) => [p.title, p.position])).toEqual([
      ['C', 0],
      ['A', 1],
      ['Bee', 2],
    ]);

    expect((await t.call(owner, 'DELETE', `/v1/pages/${a.id}`)).status).toBe(204);
    expect((await t.call(owner, 'PATCH', `/v1/pages/${a.id}`, { title: 'gone' })).status).toBe(404);
    const after = (await (await t.call(owner, 'GET', `/v1/works/${workId}/pages`)).json()) as {
      items: PageJson[];
    };
    expect(after.items.map((p) => p.id)).toEqual([c.id, b.id]);
  });

  it('refuses an order that is not exactly the work’s pages, naming what is wrong', async () => {
    const workId = await newWork();
    const [a, b] = [await newPage(workId, 'A'), await newPage(workId, 'B')];
    const otherWork = await newWork();
    const foreign = await newPage(otherWork, 'X');
    const cases: [unknown, RegExp][] = [
      [{ pageIds: [a.id] }, new RegExp(`missing pages of this work: ${b.id}`)],
      [{ pageIds: [a.id, b.id, a.id] }, new RegExp(`listed more than once: ${a.id}`)],
      [{ pageIds: [a.id, b.id, foreign.id] }, new RegExp(`not pages of this work: ${foreign.id}`)],
      [{ pageIds: [a.id, 'b'] }, /pageIds\.1: must be a page id/],
      [{ pageIds: 'all' }, /pageIds: must be an array of page ids/],
    ];
    for (const [body, detail] of cases) {
      const res = await t.call(owner, 'POST', `/v1/works/${workId}/pages/order`, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
    }
  });

  it('freezes each page’s Yjs text at publish: later edits stay invisible to readers until republish', async () => {
    const workId = await newWork();
    const page = await newPage(workId, 'Chapter 1');
    const empty = await newPage(workId, 'Empty');
    const doc = pageJSONToDoc(
      paragraphs('It was a cold night.', 'The owl <script>alert(1)</script> waited.'),
    );
    await appendUpdate(t, page.id, Y.encodeStateAsUpdate(doc));

    expect((await readPublished(page.id)).status).toBe(404);
    expect((await t.call(owner, 'POST', `/v1/works/${workId}/publish`)).status).toBe(200);

    const first = await readPublished(page.id);
    expect(first.status).toBe(200);
    expect(first.body.text).toBe(
      'It was a cold night.\n\nThe owl <script>alert(1)</script> waited.',
    );
    expect(first.body.html).toBe(
      '<p>It was a cold night.</p><p>The owl &lt;script&gt;alert(1)&lt;/script&gt; waited.</p>',
    );
    expect(first.body.json.type).toBe('doc');
    expect((await readPublished(empty.id)).body.text).toBe('');

    // An edit arrives after publishing, as collab would store it.
    await appendUpdate(t, page.id, typeAtEnd(doc, ' Snow fell.'));
    const anonymous = await readPublished(page.id, undefined);
    expect(anonymous.body.text).toBe(first.body.text);
    expect(anonymous.body.publishedAt).toBe(first.body.publishedAt);

    expect((await t.call(owner, 'POST', `/v1/works/${workId}/publish`)).status).toBe(200);
    expect((await readPublished(page.id)).body.text).toBe(
      'It was a cold night. Snow fell.\n\nThe owl <script>alert(1)</script> waited.',
    );
  });

  it('reads the compacted state plus the log written after it', async () => {
    const workId = await newWork();
    const page = await newPage(workId, 'Compacted');
    const doc = pageJSONToDoc(paragraphs('Merged'));
    const firstId = await appendUpdate(t, page.id, Y.encodeStateAsUpdate(doc));
    const stale = await appendUpdate(t, page.id, typeAtEnd(doc, ' text'));
    // Compaction merged both rows into the state (it deletes them too, but a leftover row must be ignored).
    const em = t.db.orm.em.fork();
    em.create(YjsDocument, {
      documentName: `page:${page.id}`,
      state: Buffer.from(Y.encodeStateAsUpdate(doc)),
      lastUpdateId: stale,
    });
    await em.flush();
    await em.nativeDelete(YjsUpdate, { id: firstId });
    await appendUpdate(t, page.id, typeAtEnd(doc, ', then more'));

    await t.call(owner, 'POST', `/v1/works/${workId}/publish`);
    expect((await readPublished(page.id)).body.text).toBe('Merged text, then more');
  });

  it('hides a work’s pages from readers once unpublished, and shows readers the published list only', async () => {
    const workId = await newWork();
    const page = await newPage(workId, 'Visible');
    await t.call(owner, 'POST', `/v1/works/${workId}/publish`);
    const added = await newPage(workId, 'Added later');

    const readerList = (await (
      await t.call(reader, 'GET', `/v1/works/${workId}/pages`)
    ).json()) as { items: PageJson[] };
    expect(readerList.items.map((p) => p.title)).toEqual(['Visible']);
    expect((await readPublished(added.id)).status).toBe(404);

    const unpublished = await t.call(owner, 'POST', `/v1/works/${workId}/unpublish`);
    expect(await unpublished.json()).toMatchObject({ published: false, publishedAt: null });
    expect((await readPublished(page.id)).status).toBe(404);
    expect((await readPublished(page.id, owner)).status).toBe(404);
    expect((await t.call(reader, 'GET', `/v1/works/${workId}/pages`)).status).toBe(404);
    expect((await t.call(owner, 'POST', `/v1/works/${workId}/unpublish`)).status).toBe(200);
  });
});

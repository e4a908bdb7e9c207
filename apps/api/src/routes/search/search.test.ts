import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobProducer, type JobProducer } from '@pluma/queue';
import { testRedisUrl, type TestUser } from '@pluma/testing';
import { startWorksTestApp, type WorksTestApp } from '../works/works-test-app.ts';
import { createSearchFixtures } from './search-test-support.ts';

let t: WorksTestApp;
let f: ReturnType<typeof createSearchFixtures>;
let queue: JobProducer;
let author: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  t = await startWorksTestApp('search');
  f = createSearchFixtures(t);
  queue = createJobProducer({ redisUrl: testRedisUrl(), prefix: `${t.redisPrefix}bull` });
  author = await t.user('searchauthor');
  stranger = await t.user('stranger');
});
afterAll(async () => {
  await queue?.queue('search').obliterate({ force: true });
  await queue?.close();
  await t?.close();
});

describe('GET /v1/search', () => {
  it('ranks a title match above a passing mention in a body', async () => {
    const mention = await f.publishedPage(
      author,
      'Sea tales',
      'Harbour',
      'We walked past the lighthouse twice, then went home for tea.',
    );
    const titled = await f.publishedPage(
      author,
      'Coast notes',
      'The lighthouse keeper',
      'He climbed the stairs every night.',
    );
    const { items } = await f.search(stranger, { q: 'lighthouse', type: 'pages' });
    expect(items.map((i) => i.id)).toEqual([titled.pageId, mention.pageId]);
    expect(items[0]!.score).toBeGreaterThan(items[1]!.score);
    expect(items[0]).toMatchObject({
      type: 'page',
      workId: titled.workId,
      workTitle: 'Coast notes',
      titleHtml: 'The <mark>lighthouse</mark> keeper',
    });
    expect(items[1]!.snippet).toContain('past the <mark>lighthouse</mark> twice');
    expect(items[1]!.author).toEqual({ handle: 'searchauthor', displayName: expect.any(String) });
  });

  it('matches the last word as the start of a word, the others as whole words', async () => {
    const { pageId } = await f.publishedPage(
      author,
      'Almanac',
      'Weather',
      'The barometer fell before the thunderstorm arrived.',
    );
    expect(
      (await f.search(stranger, { q: 'baromet', type: 'pages' })).items.map((i) => i.id),
    ).toEqual([pageId]);
    expect(
      (await f.search(stranger, { q: 'bar', type: 'pages' })).items.map((i) => i.id),
    ).toContain(pageId);
    // Two letters are no prefix: they would expand to most of the vocabulary.
    expect((await f.search(stranger, { q: 'ba', type: 'pages' })).items).toEqual([]);
    const two = await f.search(stranger, { q: 'barometer thunder', type: 'pages' });
    expect(two.items.map((i) => i.id)).toEqual([pageId]);
    expect(two.items[0]!.snippet).toContain(
      '<mark>barometer</mark> fell before the <mark>thunderstorm</mark>',
    );
    // Only the last word is a prefix: "baromet" in first position must be a whole word.
    expect((await f.search(stranger, { q: 'baromet thunderstorm', type: 'pages' })).items).toEqual(
      [],
    );
  });

  it('ignores accents and case, and highlights the text as written', async () => {
    const { pageId } = await f.publishedPage(
      author,
      'Pampa',
      'Aves',
      'Un Ñandú cruzó el camino cerca del café de Ramón.',
    );
    for (const q of ['nandu', 'ÑANDÚ', 'cafe ramon', 'CAFÉ']) {
      const { items } = await f.search(stranger, { q, type: 'pages' });
      expect(
        items.map((i) => i.id),
        q,
      ).toEqual([pageId]);
    }
    const { items } = await f.search(stranger, { q: 'nandu', type: 'pages' });
    expect(items[0]!.snippet).toBe(
      'Un <mark>Ñandú</mark> cruzó el camino cerca del café de Ramón.',
    );
  });

  it('finds drafts only for their collaborators, by title and description', async () => {
    const draft = await f.work(author, 'Secret orchard', 'Apples and quinces grown in secret');
    const editor = await t.user('orchardeditor');
    expect(
      (
        await t.call(author, 'POST', `/v1/works/${draft}/collaborators`, {
          handle: editor.handle,
          role: 'editor',
        })
      ).status,
    ).toBe(201);
    for (const who of [undefined, stranger])
      expect((await f.search(who, { q: 'orchard' })).items).toEqual([]);
    for (const who of [author, editor]) {
      const { items } = await f.search(who, { q: 'quinces' });
      expect(items.map((i) => [i.type, i.id])).toEqual([['work', draft]]);
    }
  });

  it('hides a work and its pages from others as soon as it is unpublished', async () => {
    const { workId, pageId } = await f.publishedPage(
      author,
      'Vanishing act',
      'Smoke',
      'The magician disappeared.',
    );
    expect((await f.search(stranger, { q: 'magician' })).items.map((i) => i.id)).toEqual([pageId]);
    expect((await t.call(author, 'POST', `/v1/works/${workId}/unpublish`)).status).toBe(200);
    // Before the index job has run: visibility comes from the live tables.
    expect((await f.search(stranger, { q: 'magician' })).items).toEqual([]);
    expect((await f.search(stranger, { q: 'vanishing' })).items).toEqual([]);
    await f.index(workId);
    // The page's frozen text is gone from the index; the draft stays findable by its owner.
    expect((await f.search(author, { q: 'magician' })).items).toEqual([]);
    expect((await f.search(author, { q: 'vanishing' })).items.map((i) => [i.type, i.id])).toEqual([
      ['work', workId],
    ]);
  });

  it('shows a work and its author to others as soon as it is published, before the index job runs', async () => {
    const fresh = await t.user('freshwriter');
    const workId = await f.work(fresh, 'Sudden meadow');
    for (const q of ['meadow', 'freshwriter'])
      expect((await f.search(stranger, { q })).items).toEqual([]);
    expect((await t.call(fresh, 'POST', `/v1/works/${workId}/publish`)).status).toBe(200);
    expect((await f.search(stranger, { q: 'meadow' })).items.map((i) => [i.type, i.id])).toEqual([
      ['work', workId],
    ]);
    expect(
      (await f.search(stranger, { q: 'freshwriter', type: 'authors' })).items.map((i) => i.id),
    ).toEqual([fresh.id]);
  });

  it('queues a search.index job when a work is created, changed, published or unpublished', async () => {
    const workId = await f.work(author, 'Queued');
    const jobs = await queue
      .queue('search')
      .getJobs(['waiting', 'prioritized', 'delayed', 'active', 'completed']);
    expect(jobs.map((j) => [j.name, j.data])).toContainEqual([
      'search.index',
      { target: 'work', id: workId },
    ]);
  });

  it('finds authors who have published, by name or handle', async () => {
    const shy = await t.user('shywriter');
    await f.work(shy, 'Never shown');
    const { items } = await f.search(stranger, { q: 'searchauth', type: 'authors' });
    expect(items.map((i) => [i.type, i.id, i.title])).toEqual([
      ['author', author.id, expect.any(String)],
    ]);
    expect((await f.search(stranger, { q: 'shywriter', type: 'authors' })).items).toEqual([]);
    expect(
      (await f.search(shy, { q: 'shywriter', type: 'authors' })).items.map((i) => i.id),
    ).toEqual([shy.id]);
  });

  it('escapes HTML in titles and snippets', async () => {
    await f.publishedPage(
      author,
      'Markup',
      '<b>Bold</b> zanzibar',
      'Text with <script>alert(1)</script> and zanzibar & more.',
    );
    const [hit] = (await f.search(stranger, { q: 'zanzibar', type: 'pages' })).items;
    expect(hit!.titleHtml).toBe('&lt;b&gt;Bold&lt;/b&gt; <mark>zanzibar</mark>');
    expect(hit!.snippet).toBe(
      'Text with &lt;script&gt;alert(1)&lt;/script&gt; and <mark>zanzibar</mark> &amp; more.',
    );
  });

  it('pages through results by cursor, each once, most relevant first', async () => {
    const workId = await f.work(author, 'Many quokkas');
    for (let i = 0; i < 23; i++)
      await f.page(
        author,
        workId,
        `Part ${i}`,
        `${'quokka '.repeat((i % 5) + 1)}in the sun, part ${i}.`,
      );
    await f.publish(author, workId);
    const seen: number[] = [];
    const scores: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await f.search(stranger, {
        q: 'quokka',
        type: 'pages',
        limit: '10',
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(10);
      seen.push(...page.items.map((i) => i.id));
      scores.push(...page.items.map((i) => i.score));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await t.call(stranger, 'GET', '/v1/search?q=quokka&limit=51')).status).toBe(400);
    expect(
      (await t.call(stranger, 'GET', '/v1/search?q=quokka&cursor=bm90LWEtbnVtYmVy')).status,
    ).toBe(400);
  });

  it('refuses empty, whitespace, too long or too many-worded queries with a problem', async () => {
    const cases: [string, string][] = [
      ['', 'q: must not be empty'],
      ['   \t ', 'q: must not be empty'],
      ['x'.repeat(201), 'q: must be at most 200 characters'],
      [Array.from({ length: 11 }, (_, i) => `word${i}`).join(' '), 'q: must have at most 10 words'],
    ];
    for (const [q, detail] of cases) {
      const res = await t.call(stranger, 'GET', `/v1/search?${new URLSearchParams({ q })}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({ status: 400, detail });
    }
    expect((await t.call(stranger, 'GET', '/v1/search')).status).toBe(400);
    expect((await t.call(stranger, 'GET', '/v1/search?q=x&type=drafts')).status).toBe(400);
  });

  it('never lets a hostile query fail or reach rows outside what the caller may see', async () => {
    const hidden = await f.work(author, 'Hidden draft treasure', 'Nobody else may find this');
    const hostile = [
      "' OR 1=1 --",
      '" OR ""="',
      '+treasure -nothing >x <y (z) ~w *',
      '"hidden draft"',
      '@distance 3',
      'treasure*',
      '%',
      '_',
      '%_%',
      '\\',
      "'; DROP TABLE search_documents; --",
      'MATCH AGAINST IN BOOLEAN MODE',
      '🦜🦜 parrot 🎉',
      '🦜',
      'a'.repeat(200),
      'x'.repeat(199) + '*',
      '\u0000 null',
      'ä̈̈̈̈̈̈̈̈',
    ];
    for (const q of hostile) {
      for (const who of [undefined, stranger]) {
        const res = await t.call(who, 'GET', `/v1/search?${new URLSearchParams({ q })}`);
        expect(res.status, q).toBe(200);
        const { items } = (await res.json()) as { items: { type: string; id: number }[] };
        expect(
          items.some((i) => i.type === 'work' && i.id === hidden),
          q,
        ).toBe(false);
      }
    }
    // The table is still there and the owner still finds the draft.
    expect((await f.search(author, { q: 'treasure' })).items.map((i) => i.id)).toEqual([hidden]);
  });
});

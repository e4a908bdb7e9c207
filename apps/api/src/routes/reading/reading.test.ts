import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '@pluma/testing';
import { startWorksTestApp, type WorksTestApp } from '../works/works-test-app.ts';

describe('genres and reading progress', () => {
  let t: WorksTestApp;
  let author: TestUser;
  let reader: TestUser;

  beforeAll(async () => {
    t = await startWorksTestApp('reading');
    [author, reader] = await Promise.all([t.user(), t.user()]);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function publishedWork(title: string) {
    const work = (await (
      await t.call(author, 'POST', '/v1/works', { title, genre: 'romance' })
    ).json()) as { id: number };
    const pages: number[] = [];
    for (const pageTitle of ['One', 'Two']) {
      const page = (await (
        await t.call(author, 'POST', `/v1/works/${work.id}/pages`, { title: pageTitle })
      ).json()) as { id: number };
      pages.push(page.id);
    }
    await t.call(author, 'POST', `/v1/works/${work.id}/publish`);
    return { workId: work.id, pages };
  }

  it('lists the seeded genres for anybody', async () => {
    const res = await t.call(undefined, 'GET', '/v1/genres');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { slug: string; name: string }[] };
    expect(items.length).toBeGreaterThan(10);
    expect(items).toContainEqual({ slug: 'science-fiction', name: 'Science fiction' });
    expect(items.map((g) => g.name)).toEqual(
      [...items.map((g) => g.name)].sort((a, b) => a.localeCompare(b)),
    );
  });

  it('keeps one place per work, most recently read first, by cursor', async () => {
    const first = await publishedWork('First');
    const second = await publishedWork('Second');
    const save = (workId: number, pageId: number, position: number) =>
      t.call(reader, 'PUT', `/v1/works/${workId}/progress`, { pageId, position });

    expect((await save(first.workId, first.pages[0] as number, 10)).status).toBe(200);
    expect((await save(second.workId, second.pages[0] as number, 5)).status).toBe(200);
    const moved = await save(first.workId, first.pages[1] as number, 42);
    expect(await moved.json()).toMatchObject({
      workId: first.workId,
      pageId: first.pages[1],
      position: 42,
    });

    const page1 = (await (await t.call(reader, 'GET', '/v1/me/reading?limit=1')).json()) as {
      items: {
        work: { id: number; title: string };
        page: { id: number; title: string };
        position: number;
      }[];
      nextCursor: string | null;
    };
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = (await (
      await t.call(reader, 'GET', `/v1/me/reading?limit=1&cursor=${page1.nextCursor}`)
    ).json()) as typeof page1;
    const all = [...page1.items, ...page2.items];
    expect(all.map((r) => [r.work.id, r.page.title, r.position]).sort()).toEqual(
      [
        [first.workId, 'Two', 42],
        [second.workId, 'One', 5],
      ].sort(),
    );
    expect(page2.nextCursor).toBeNull();

    // Unpublished works drop out of the reader's list.
    await t.call(author, 'POST', `/v1/works/${second.workId}/unpublish`);
    const after = (await (await t.call(reader, 'GET', '/v1/me/reading')).json()) as typeof page1;
    expect(after.items.map((r) => r.work.id)).toEqual([first.workId]);
  });

  it('refuses a page of another work, a bad position and an anonymous caller', async () => {
    const work = await publishedWork('Third');
    const other = await publishedWork('Fourth');
    const path = `/v1/works/${work.workId}/progress`;
    const foreign = await t.call(reader, 'PUT', path, { pageId: other.pages[0], position: 0 });
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as { detail: string }).detail).toMatch(
      /^pageId: page \d+ is not a page of work/,
    );
    const negative = await t.call(reader, 'PUT', path, { pageId: work.pages[0], position: -1 });
    expect(((await negative.json()) as { detail: string }).detail).toMatch(
      /position: must be a character offset/,
    );
    expect(
      (await t.call(undefined, 'PUT', path, { pageId: work.pages[0], position: 0 })).status,
    ).toBe(401);
    expect((await t.call(undefined, 'GET', '/v1/me/reading')).status).toBe(401);
    const badCursor = await t.call(reader, 'GET', '/v1/me/reading?cursor=abc');
    expect(((await badCursor.json()) as { detail: string }).detail).toMatch(
      /cursor: must be the nextCursor/,
    );
  });
});

// Test support for search: works and pages written through the API, page bodies stored as collab
// stores them (yjs_update), and the index brought up to date the way the search.index worker does.
import * as Y from 'yjs';
import { YjsUpdate, indexWorkForSearch } from '@pluma/db';
import type { TestUser } from '@pluma/testing';
import { pageJSONToDoc } from '@pluma/text';
import type { WorksTestApp } from '../works/works-test-app.ts';

export interface SearchResult {
  type: 'work' | 'page' | 'author';
  id: number;
  workId: number | null;
  workTitle: string | null;
  title: string;
  titleHtml: string;
  snippet: string;
  author: { handle: string; displayName: string } | null;
  score: number;
}
export interface SearchList {
  items: SearchResult[];
  nextCursor: string | null;
}

export function createSearchFixtures(t: WorksTestApp) {
  const json = async <T>(res: Response, status = 200): Promise<T> => {
    if (res.status !== status) throw new Error(`${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  const fixtures = {
    /** Runs what the search.index worker runs for a work. */
    index: (workId: number) => indexWorkForSearch(t.db.orm.em.fork(), workId),
    async work(who: TestUser, title: string, description?: string): Promise<number> {
      const res = await t.call(who, 'POST', '/v1/works', {
        title,
        ...(description ? { description } : {}),
      });
      const { id } = await json<{ id: number }>(res, 201);
      await fixtures.index(id);
      return id;
    },
    /** Adds a page whose body is the given paragraphs. */
    async page(
      who: TestUser,
      workId: number,
      title: string,
      ...paragraphs: string[]
    ): Promise<number> {
      const { id } = await json<{ id: number }>(
        await t.call(who, 'POST', `/v1/works/${workId}/pages`, { title }),
        201,
      );
      const doc = pageJSONToDoc({
        type: 'doc',
        content: paragraphs.map((text) => ({
          type: 'paragraph',
          content: [{ type: 'text', text }],
        })),
      });
      const em = t.db.orm.em.fork();
      em.create(YjsUpdate, {
        documentName: `page:${id}`,
        update: Buffer.from(Y.encodeStateAsUpdate(doc)),
      });
      await em.flush();
      return id;
    },
    async publish(who: TestUser, workId: number): Promise<void> {
      await json(await t.call(who, 'POST', `/v1/works/${workId}/publish`));
      await fixtures.index(workId);
    },
    /** A published work with one page; returns the ids. */
    async publishedPage(
      who: TestUser,
      workTitle: string,
      pageTitle: string,
      ...paragraphs: string[]
    ) {
      const workId = await fixtures.work(who, workTitle);
      const pageId = await fixtures.page(who, workId, pageTitle, ...paragraphs);
      await fixtures.publish(who, workId);
      return { workId, pageId };
    },
    async search(who: TestUser | undefined, params: Record<string, string>): Promise<SearchList> {
      return json<SearchList>(
        await t.call(who, 'GET', `/v1/search?${new URLSearchParams(params)}`),
      );
    },
  };
  return fixtures;
}

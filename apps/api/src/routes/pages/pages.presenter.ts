import type { z } from '@hono/zod-openapi';
import type { PublishedPage } from '@pluma/db';
import type { ListedPage } from '../../commands/list-pages.ts';
import type { PageSchema, PublishedPageSchema } from './pages.schema.ts';

/** A page in a work's table of contents. */
export function presentPage(
  page: { id: number; title: string; position: number },
  workId: number,
): z.infer<typeof PageSchema> {
  return { id: page.id, workId, title: page.title, position: page.position };
}

/** A listed page (draft or published) as the API shows it. */
export function presentListedPage(page: ListedPage): z.infer<typeof PageSchema> {
  return presentPage(page, page.workId);
}

/** What a reader gets of a page: its text as frozen at the last publish. */
export function presentPublishedPage(
  published: PublishedPage,
): z.infer<typeof PublishedPageSchema> {
  return {
    pageId: published.page.id,
    workId: published.work.id,
    title: published.title,
    position: published.position,
    json: published.json,
    html: published.html,
    text: published.text,
    publishedAt: published.publishedAt.toISOString(),
  };
}

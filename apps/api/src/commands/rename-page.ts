import type { EntityManager } from '@mikro-orm/mysql';
import type { Page } from '@pluma/db';

/** Changes a page's title (readers keep the title as last published). */
export async function renamePage(em: EntityManager, page: Page, title: string): Promise<Page> {
  page.title = title;
  await em.flush();
  return page;
}

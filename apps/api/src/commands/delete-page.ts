import type { EntityManager } from '@mikro-orm/mysql';
import { Page } from '@pluma/db';

/**
 * Deletes a page; its published version and readers' progress on it go with it (foreign keys
 * cascade). Its Yjs rows are left to collab, which owns the `yjs_*` tables.
 */
export async function deletePage(em: EntityManager, page: Page): Promise<void> {
  await em.nativeDelete(Page, { id: page.id });
}

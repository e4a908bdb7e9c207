import type { EntityManager } from '@mikro-orm/mysql';
import { PageSentiment } from '@pluma/db';

/** The latest sentiment result of a page, or null while the page has never been scored. */
export async function findPageSentiment(
  em: EntityManager,
  pageId: number,
): Promise<PageSentiment | null> {
  return em.findOne(PageSentiment, { page: pageId });
}

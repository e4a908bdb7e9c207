import type { EntityManager } from '@mikro-orm/mysql';
import { PublishedPage } from '@pluma/db';
import { pageNotFound } from './find-page-access.ts';

/** The published version of a page; 404 when it has none (added since the last publish). */
export async function findPublishedPage(em: EntityManager, pageId: number): Promise<PublishedPage> {
  const published = await em.findOne(PublishedPage, { page: pageId });
  if (!published) throw pageNotFound(pageId);
  return published;
}

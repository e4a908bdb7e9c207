import type { EntityManager } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import { Page } from '@pluma/db';
import type { WorkAccess } from '../routes/works/works.policy.ts';

/** A work has at most this many pages, so they are listed and reordered in one request. */
export const MAX_PAGES_PER_WORK = 1000;

/**
 * Adds an empty page at the end of a work. Its body is the Yjs document `page:<id>`, which needs
 * no rows until someone types: collab creates it on first edit.
 */
export async function createPage(
  em: EntityManager,
  access: WorkAccess,
  title: string,
): Promise<Page> {
  const workId = access.work.id;
  const count = await em.count(Page, { work: workId });
  if (count >= MAX_PAGES_PER_WORK)
    throw new AppError('resource.conflict', `A work has at most ${MAX_PAGES_PER_WORK} pages.`);
  const last = await em.findOne(
    Page,
    { work: workId },
    { orderBy: { position: 'desc' }, fields: ['position'] },
  );
  const page = em.create(Page, { work: access.work, title, position: (last?.position ?? -1) + 1 });
  await em.flush();
  return page;
}

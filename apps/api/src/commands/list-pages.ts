import type { EntityManager } from '@mikro-orm/mysql';
import { Page, PublishedPage } from '@pluma/db';
import { canOnWork, type WorkAccess } from '../routes/works/works.policy.ts';

/** A page as listed: collaborators see the draft pages, readers the pages as last published. */
export interface ListedPage {
  id: number;
  workId: number;
  title: string;
  position: number;
}

/** The pages of a work in reading order (bounded by MAX_PAGES_PER_WORK): drafts for collaborators, published ones for readers. */
export async function listPages(em: EntityManager, access: WorkAccess): Promise<ListedPage[]> {
  const workId = access.work.id;
  if (canOnWork(access, 'readDraftPages')) {
    const pages = await em.find(
      Page,
      { work: workId },
      { orderBy: { position: 'asc', id: 'asc' } },
    );
    return pages.map((p) => ({ id: p.id, workId, title: p.title, position: p.position }));
  }
  const published = await em.find(
    PublishedPage,
    { work: workId },
    { orderBy: { position: 'asc', id: 'asc' }, fields: ['page', 'title', 'position'] },
  );
  return published.map((p) => ({ id: p.page.id, workId, title: p.title, position: p.position }));
}

import type { EntityManager } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import { Page } from '@pluma/db';
import { canSeeWork, type WorkAccess } from '../routes/works/works.policy.ts';
import { findWorkAccess } from './find-work-access.ts';

export interface PageAccess extends WorkAccess {
  page: Page;
}

/** Loads a page, its work and the caller's role on the work; 404 for an unknown page or a hidden draft's. */
export async function findPageAccess(
  em: EntityManager,
  pageId: number,
  userId: number | undefined,
): Promise<PageAccess> {
  const page = await em.findOne(Page, pageId);
  if (!page) throw pageNotFound(pageId);
  const access = await findWorkAccess(em, page.work.id, userId);
  // Same answer as for a missing page, so page ids do not reveal drafts.
  if (!canSeeWork(access)) throw pageNotFound(pageId);
  return { ...access, page };
}

/** The 404 of a page that does not exist or that the caller may not see. */
export function pageNotFound(id: number): AppError {
  return new AppError('resource.not_found', `No page with id ${id}.`);
}

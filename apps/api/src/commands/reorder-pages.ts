import { LockMode, type EntityManager } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import { Page } from '@pluma/db';
import type { WorkAccess } from '../routes/works/works.policy.ts';

/** Puts a work's pages in the given order; `pageIds` must list every page of the work exactly once. */
export async function reorderPages(
  em: EntityManager,
  access: WorkAccess,
  pageIds: number[],
): Promise<Page[]> {
  return em.transactional(async (tx) => {
    // Locked, so a page created or deleted meanwhile cannot slip past the completeness check.
    const pages = await tx.find(
      Page,
      { work: access.work.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const byId = new Map(pages.map((page) => [page.id, page]));
    const seen = new Set<number>();
    const duplicate = pageIds.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    const unknown = pageIds.filter((id) => !byId.has(id));
    const missing = pages.filter((page) => !seen.has(page.id)).map((page) => page.id);
    const problems = [
      duplicate.length ? `listed more than once: ${[...new Set(duplicate)].join(', ')}` : '',
      unknown.length ? `not pages of this work: ${unknown.join(', ')}` : '',
      missing.length ? `missing pages of this work: ${missing.join(', ')}` : '',
    ].filter(Boolean);
    if (problems.length) {
      const message = `must list every page of the work exactly once (${problems.join('; ')})`;
      throw new AppError('request.invalid', `pageIds: ${message}`, {
        errors: [{ path: 'pageIds', message }],
      });
    }
    pageIds.forEach((id, position) => {
      const page = byId.get(id);
      if (page) page.position = position;
    });
    return pageIds.flatMap((id) => byId.get(id) ?? []);
  });
}

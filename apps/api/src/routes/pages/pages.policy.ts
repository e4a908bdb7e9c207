import { AppError } from '@pluma/errors';
import { authorizeWork, type WorkAccess, type WorkAction } from '../works/works.policy.ts';

/**
 * Who may do what to pages: a page's permissions are those of its work (see works.policy.ts),
 * except that a published version is only ever there while the work is published.
 */
const PAGE_RULES = {
  list: 'read',
  create: 'writePages',
  rename: 'writePages',
  delete: 'writePages',
  reorder: 'writePages',
  readPublished: 'read',
} as const satisfies Record<string, WorkAction>;

export type PageAction = keyof typeof PAGE_RULES;

/** Throws unless the caller may do `action` to the pages of this work (404 hides drafts, 403 otherwise). */
export function authorizePage(access: WorkAccess, action: PageAction, pageId?: number): void {
  if (action === 'readPublished' && !access.work.publishedAt) {
    // Drafts have no readers: even collaborators get the same 404 as for a missing page.
    throw new AppError('resource.not_found', `No published page with id ${pageId ?? '?'}.`);
  }
  authorizeWork(access, PAGE_RULES[action]);
}

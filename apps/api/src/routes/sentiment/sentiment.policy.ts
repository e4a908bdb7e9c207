import { pageNotFound } from '../../commands/find-page-access.ts';
import { canOnWork, type WorkAccess } from '../works/works.policy.ts';

/**
 * Sentence sentiment is an aid for the page's writers, about its draft text: only the work's
 * collaborators may read it. Anybody else gets the 404 of a missing page, even once the work is
 * published, so the scores of unpublished text never leak.
 */
export function authorizePageSentiment(access: WorkAccess, pageId: number): void {
  if (!canOnWork(access, 'readDraftPages')) throw pageNotFound(pageId);
}

import { AppError } from '@pluma/errors';
import { canOnWork, canSeeWork, workNotFound, type WorkAccess } from '../works/works.policy.ts';

/**
 * Adding an image to a work's pages is writing them: owner and editors. 404 for a draft the caller
 * may not see (as for every works route), 403 for viewers and readers of a published work.
 */
export function authorizeImageUpload(access: WorkAccess): void {
  if (canOnWork(access, 'writePages')) return;
  if (!canSeeWork(access)) throw workNotFound(access.work.id);
  throw new AppError('auth.forbidden', "Only the work's owner and editors may add images to it.");
}

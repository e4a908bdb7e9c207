import type { EntityManager } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import { Page, PublishedPage, ReadingProgress } from '@pluma/db';
import { canOnWork, type WorkAccess } from '../routes/works/works.policy.ts';

export interface SaveReadingProgressInput {
  pageId: number;
  position: number;
}

/**
 * Records where the caller is in a work (one row per reader and work, replaced on every save).
 * The page must be one the caller can read: any page for collaborators, a published one for readers.
 */
export async function saveReadingProgress(
  em: EntityManager,
  userId: number,
  access: WorkAccess,
  input: SaveReadingProgressInput,
): Promise<ReadingProgress> {
  const workId = access.work.id;
  const readable = canOnWork(access, 'readDraftPages')
    ? await em.count(Page, { id: input.pageId, work: workId })
    : await em.count(PublishedPage, { page: input.pageId, work: workId });
  if (!readable) {
    const message = `page ${input.pageId} is not a page of work ${workId} you can read`;
    throw new AppError('request.invalid', `pageId: ${message}`, {
      errors: [{ path: 'pageId', message }],
    });
  }
  // One statement (INSERT … ON DUPLICATE KEY UPDATE), so concurrent saves cannot collide.
  const progress = await em.upsert(
    ReadingProgress,
    {
      user: userId,
      work: workId,
      page: input.pageId,
      position: input.position,
      updatedAt: new Date(),
    },
    {
      onConflictFields: ['user', 'work'],
      onConflictAction: 'merge',
      onConflictMergeFields: ['page', 'position', 'updatedAt'],
    },
  );
  return progress;
}

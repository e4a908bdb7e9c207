import type { z } from '@hono/zod-openapi';
import type { ReadingProgress } from '@pluma/db';
import type { ProgressSchema, SavedProgressSchema } from './reading.schema.ts';

/** One entry of the caller's reading list (work, page and place). */
export function presentProgress(row: ReadingProgress): z.infer<typeof ProgressSchema> {
  const { work, page } = row;
  return {
    work: {
      id: work.id,
      title: work.title,
      genre: work.genre ? { slug: work.genre.slug, name: work.genre.name } : null,
      owner: { id: work.owner.id, handle: work.owner.handle, displayName: work.owner.displayName },
    },
    page: { id: page.id, title: page.title },
    position: row.position,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The progress just saved. */
export function presentSavedProgress(row: ReadingProgress): z.infer<typeof SavedProgressSchema> {
  return {
    workId: row.work.id,
    pageId: row.page.id,
    position: row.position,
    updatedAt: row.updatedAt.toISOString(),
  };
}

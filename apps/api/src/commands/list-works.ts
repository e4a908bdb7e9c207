import type { EntityManager, FilterQuery } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import { Work } from '@pluma/db';
import { visibleWorksWhere } from '../routes/works/works.policy.ts';

export interface ListWorksInput {
  author?: string | undefined;
  genre?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface WorkPage {
  works: Work[];
  nextCursor: string | null;
}

/** Opaque to clients; today the id of the last work of the previous page, base64url-encoded. */
function encodeCursor(id: number): string {
  return Buffer.from(String(id)).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const id = Number(Buffer.from(cursor, 'base64url').toString());
  if (!Number.isSafeInteger(id) || id <= 0) {
    const message = 'must be the nextCursor of a previous page';
    throw new AppError('request.invalid', `cursor: ${message}`, {
      errors: [{ path: 'cursor', message }],
    });
  }
  return id;
}

/** Works the caller may see, newest first, filtered by author handle and genre slug, one page at a time. */
export async function listWorks(
  em: EntityManager,
  userId: number | undefined,
  input: ListWorksInput,
): Promise<WorkPage> {
  const filters: FilterQuery<Work>[] = [visibleWorksWhere(userId)];
  if (input.author) filters.push({ owner: { handle: input.author } });
  if (input.genre) filters.push({ genre: { slug: input.genre } });
  if (input.cursor) filters.push({ id: { $lt: decodeCursor(input.cursor) } });
  const works = await em.find(
    Work,
    { $and: filters },
    { orderBy: { id: 'desc' }, limit: input.limit + 1, populate: ['owner', 'genre'] },
  );
  const hasMore = works.length > input.limit;
  const items = hasMore ? works.slice(0, input.limit) : works;
  const last = items.at(-1);
  return { works: items, nextCursor: hasMore && last ? encodeCursor(last.id) : null };
}

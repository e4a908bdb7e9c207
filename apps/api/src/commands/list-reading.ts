import type { EntityManager, FilterQuery } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import { ReadingProgress } from '@pluma/db';
import { visibleWorksWhere } from '../routes/works/works.policy.ts';

export interface ReadingPage {
  items: ReadingProgress[];
  nextCursor: string | null;
}

function encodeCursor(row: ReadingProgress): string {
  return Buffer.from(`${row.updatedAt.getTime()}:${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: Date; id: number } {
  const match = /^(\d{1,15}):(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) {
    const message = 'must be the nextCursor of a previous page';
    throw new AppError('request.invalid', `cursor: ${message}`, {
      errors: [{ path: 'cursor', message }],
    });
  }
  return { updatedAt: new Date(Number(match[1])), id: Number(match[2]) };
}

/** The caller's reading progress, most recently read first; works they can no longer see are left out. */
export async function listReading(
  em: EntityManager,
  userId: number,
  input: { cursor?: string | undefined; limit: number },
): Promise<ReadingPage> {
  const where: FilterQuery<ReadingProgress>[] = [
    { user: userId },
    { work: visibleWorksWhere(userId) },
  ];
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    where.push({
      $or: [
        { updatedAt: { $lt: after.updatedAt } },
        { updatedAt: after.updatedAt, id: { $lt: after.id } },
      ],
    });
  }
  const rows = await em.find(
    ReadingProgress,
    { $and: where },
    {
      orderBy: { updatedAt: 'desc', id: 'desc' },
      limit: input.limit + 1,
      populate: ['work', 'work.owner', 'work.genre', 'page'],
    },
  );
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor(last) : null };
}

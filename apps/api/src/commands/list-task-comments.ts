import type { EntityManager } from '@mikro-orm/mysql';
import { TaskComment, type MentorshipTask } from '@pluma/db';
import { decodeCursor, encodeCursor } from './cursor.ts';

/** One page of a task's comments, oldest first (a conversation reads top down). */
export async function listTaskComments(
  em: EntityManager,
  task: MentorshipTask,
  input: { cursor?: string | undefined; limit: number },
): Promise<{ items: TaskComment[]; nextCursor: string | null }> {
  const [after] = input.cursor ? decodeCursor(input.cursor, 1) : [];
  const rows = await em.find(
    TaskComment,
    { task: task.id, ...(after === undefined ? {} : { id: { $gt: after } }) },
    { orderBy: { id: 'asc' }, limit: input.limit + 1, populate: ['author'] },
  );
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor(last.id) : null };
}

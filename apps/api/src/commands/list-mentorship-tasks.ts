import type { EntityManager } from '@mikro-orm/mysql';
import { MentorshipTask, type Mentorship } from '@pluma/db';
import { decodeCursor, encodeCursor } from './cursor.ts';

/** One page of a relation's tasks, oldest first (the order they were set in). */
export async function listMentorshipTasks(
  em: EntityManager,
  mentorship: Mentorship,
  input: { cursor?: string | undefined; limit: number },
): Promise<{ items: MentorshipTask[]; nextCursor: string | null }> {
  const [after] = input.cursor ? decodeCursor(input.cursor, 1) : [];
  const rows = await em.find(
    MentorshipTask,
    { mentorship: mentorship.id, ...(after === undefined ? {} : { id: { $gt: after } }) },
    { orderBy: { id: 'asc' }, limit: input.limit + 1, populate: ['createdBy'] },
  );
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor(last.id) : null };
}

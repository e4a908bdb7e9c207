import type { EntityManager, FilterQuery } from '@mikro-orm/mysql';
import { Mentorship, type MentorshipState } from '@pluma/db';
import { decodeCursor, encodeCursor } from './cursor.ts';

export interface MentorshipListInput {
  states?: readonly MentorshipState[] | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** One page of the caller's relations (as mentor or mentee), newest first, optionally of some states. */
export async function listMentorships(
  em: EntityManager,
  userId: number,
  input: MentorshipListInput,
): Promise<{ items: Mentorship[]; nextCursor: string | null }> {
  const [before] = input.cursor ? decodeCursor(input.cursor, 1) : [];
  const where: FilterQuery<Mentorship> = { $or: [{ mentor: userId }, { mentee: userId }] };
  if (input.states) where.state = { $in: [...input.states] };
  if (before !== undefined) where.id = { $lt: before };
  const rows = await em.find(Mentorship, where, {
    orderBy: { id: 'desc' },
    limit: input.limit + 1,
    populate: ['mentor', 'mentee', 'sender'],
  });
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor(last.id) : null };
}

/** The caller's ACCEPTED relation, if any (there is at most one). */
export async function findCurrentMentorship(
  em: EntityManager,
  userId: number,
): Promise<Mentorship | null> {
  return em.findOne(
    Mentorship,
    { state: 'ACCEPTED', $or: [{ mentor: userId }, { mentee: userId }] },
    { populate: ['mentor', 'mentee', 'sender'] },
  );
}

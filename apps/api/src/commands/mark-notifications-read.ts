import type { EntityManager, FilterQuery } from '@mikro-orm/mysql';
import { Notification } from '@pluma/db';

/** Which notifications to mark read: some by id, or every one. */
export type MarkReadInput = { ids: string[] } | { all: true };

/** Marks the user's notifications read (already-read ones keep their time); returns how many changed and how many stay unread. */
export async function markNotificationsRead(
  em: EntityManager,
  userId: number,
  input: MarkReadInput,
): Promise<{ marked: number; unreadCount: number }> {
  const where: FilterQuery<Notification> = { user: userId, readAt: null };
  if ('ids' in input) where.publicId = { $in: input.ids };
  const marked =
    'ids' in input && input.ids.length === 0
      ? 0
      : await em.nativeUpdate(Notification, where, { readAt: new Date() });
  const unreadCount = await em.count(Notification, { user: userId, readAt: null });
  return { marked, unreadCount };
}

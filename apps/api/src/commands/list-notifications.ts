import type { EntityManager, FilterQuery } from '@mikro-orm/mysql';
import { Notification } from '@pluma/db';
import { decodeCursor, encodeCursor } from './cursor.ts';

export interface NotificationListInput {
  cursor?: string | undefined;
  unread?: boolean | undefined;
  limit: number;
}

export interface NotificationList {
  notifications: Notification[];
  nextCursor: string | null;
  /** How many of the user's notifications are unread, all pages together. */
  unreadCount: number;
}

/** One page of the user's inbox, newest first, optionally only the unread ones. */
export async function listNotifications(
  em: EntityManager,
  userId: number,
  input: NotificationListInput,
): Promise<NotificationList> {
  const where: FilterQuery<Notification> = { user: userId };
  if (input.unread) where.readAt = null;
  if (input.cursor) where.id = { $lt: decodeCursor(input.cursor, 1)[0] };
  const [rows, unreadCount] = await Promise.all([
    em.find(Notification, where, { orderBy: { id: 'desc' }, limit: input.limit + 1 }),
    em.count(Notification, { user: userId, readAt: null }),
  ]);
  const hasMore = rows.length > input.limit;
  const notifications = hasMore ? rows.slice(0, input.limit) : rows;
  const last = notifications.at(-1);
  return { notifications, nextCursor: hasMore && last ? encodeCursor(last.id) : null, unreadCount };
}

import type { Notification } from '@pluma/db';
import type { NotificationMessage, NotificationType } from '@pluma/notify';
import type { NotificationList } from '../../commands/list-notifications.ts';

/** A stored notification in exactly the shape its live event had (plus its read time). */
export function presentNotification(row: Notification): NotificationMessage {
  return {
    id: row.publicId,
    type: row.type as NotificationType,
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export function presentNotificationList(list: NotificationList) {
  return {
    notifications: list.notifications.map(presentNotification),
    nextCursor: list.nextCursor,
    unreadCount: list.unreadCount,
  };
}

/** A notification as the API lists it and socket.io delivers it (event `notification`). */
export interface AppNotification {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  notifications: AppNotification[];
  nextCursor: string | null;
  unreadCount: number;
}

/** Live-only kinds: progress ticks are pushed but never stored, so they are not inbox items. */
export function isInboxItem(notification: AppNotification): boolean {
  return notification.type !== 'upload.progress';
}

/**
 * Told by whichever screen marks notifications read, so the bell and the inbox page agree
 * without a reload (they are siblings, not parent and child).
 */
export const UNREAD_CHANGED_EVENT = 'pluma:notifications-unread';

export function announceUnread(unreadCount: number, readIds: string[] | 'all'): void {
  window.dispatchEvent(new CustomEvent(UNREAD_CHANGED_EVENT, { detail: { unreadCount, readIds } }));
}

export interface UnreadChange {
  unreadCount: number;
  readIds: string[] | 'all';
}

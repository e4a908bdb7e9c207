import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** The socket.io event every notification travels as, live; its argument is a `NotificationMessage`. */
export const NOTIFICATION_EVENT = 'notification';

/** Default prefix of the Redis channels socket.io nodes and emitters share (SOCKET_IO_REDIS_KEY). */
export const DEFAULT_SOCKET_IO_KEY = 'socket.io';

/** Kinds of notification Pluma knows; mentorship kinds are open-ended (`mentorship.accepted`, ...). */
export const FIXED_NOTIFICATION_TYPES = [
  'follower.new',
  'work.published',
  'page.published',
  'upload.progress',
  'upload.done',
] as const;
export type NotificationType = (typeof FIXED_NOTIFICATION_TYPES)[number] | `mentorship.${string}`;

export const NotificationTypeSchema = z.union([
  z.enum(FIXED_NOTIFICATION_TYPES),
  z.custom<`mentorship.${string}`>(
    (value) => typeof value === 'string' && /^mentorship\.[a-z][a-z0-9_.-]{0,50}$/.test(value),
  ),
]);

/**
 * A notification as clients see it, live (socket.io `notification` event) and in the inbox alike.
 * `id` is the same for every recipient of one event and unique in each user's inbox.
 */
export interface NotificationMessage {
  id: string;
  type: NotificationType;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** The socket.io room of one user; every socket the user opens joins it. */
export function userRoom(userId: number): string {
  return `user:${userId}`;
}

/** A fresh random notification id (22 URL-safe characters). */
export function newNotificationId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * A notification id derived from what the event is about (e.g. `['follower.new', followeeId,
 * followerId]`), so the same event produces the same id however often it is announced.
 */
export function notificationIdOf(...parts: (string | number)[]): string {
  return createHash('sha256')
    .update(parts.map(String).join('\u0000'))
    .digest('base64url')
    .slice(0, 22);
}

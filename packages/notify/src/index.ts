export {
  DEFAULT_SOCKET_IO_KEY,
  FIXED_NOTIFICATION_TYPES,
  NOTIFICATION_EVENT,
  NotificationTypeSchema,
  newNotificationId,
  notificationIdOf,
  userRoom,
} from './notification.ts';
export type { NotificationMessage, NotificationType } from './notification.ts';
export { NOTIFY_BATCH, createNotifier } from './notifier.ts';
export type { NotificationInput, Notifier, NotifyOptions, RedisPublisher } from './notifier.ts';

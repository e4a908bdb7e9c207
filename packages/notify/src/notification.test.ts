import { describe, expect, it } from 'vitest';
import {
  NotificationTypeSchema,
  newNotificationId,
  notificationIdOf,
  userRoom,
} from './notification.ts';

describe('notification ids and types', () => {
  it('derives the same id from the same event and different ids from different events', () => {
    expect(notificationIdOf('follower.new', 1, 2)).toBe(notificationIdOf('follower.new', 1, 2));
    expect(notificationIdOf('follower.new', 1, 2)).not.toBe(
      notificationIdOf('follower.new', 12, ''),
    );
    expect(newNotificationId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newNotificationId()).not.toBe(newNotificationId());
  });

  it('accepts the known types and mentorship.*, nothing else', () => {
    for (const type of [
      'follower.new',
      'work.published',
      'page.published',
      'upload.done',
      'mentorship.accepted',
    ])
      expect(NotificationTypeSchema.safeParse(type).success).toBe(true);
    for (const type of ['mentorship.', 'follower', 'work.deleted'])
      expect(NotificationTypeSchema.safeParse(type).success).toBe(false);
    expect(userRoom(7)).toBe('user:7');
  });
});

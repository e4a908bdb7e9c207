import { describe, expect, it } from 'vitest';
import { describeNotification, timeAgo } from './describe-notification.ts';
import type { AppNotification } from './notification-types.ts';

const note = (type: string, payload: Record<string, unknown>): AppNotification => ({
  id: 'n1',
  type,
  payload,
  createdAt: '2026-11-26T00:00:00.000Z',
  readAt: null,
});

describe('describeNotification', () => {
  it('says who published what, and links to the work or the first new page', () => {
    const author = { handle: 'ana', displayName: 'Ana Lima' };
    expect(
      describeNotification(note('work.published', { work: { id: 7, title: 'Tides' }, author })),
    ).toEqual({ text: 'Ana Lima published “Tides”', href: '/works/7' });
    expect(
      describeNotification(
        note('page.published', {
          work: { id: 7, title: 'Tides' },
          author,
          pages: [{ id: 3, title: 'Ebb' }],
        }),
      ),
    ).toEqual({ text: 'Ana Lima published “Ebb” in “Tides”', href: '/works/7/pages/3' });
  });

  it('links a new follower to their profile and mentorship news to the mentorship screen', () => {
    expect(
      describeNotification(note('follower.new', { follower: { handle: 'bo', displayName: 'Bo' } })),
    ).toEqual({ text: 'Bo started following you', href: '/users/bo' });
    expect(
      describeNotification(
        note('mentorship.task_created', {
          actor: { handle: 'cy', displayName: 'Cy' },
          task: { id: 1, description: 'Write a sonnet' },
        }),
      ),
    ).toEqual({ text: 'Cy added a task: Write a sonnet', href: '/mentorship' });
  });

  it('still says something sensible about a payload it does not know', () => {
    expect(describeNotification(note('work.published', {}))).toEqual({
      text: 'Someone published “a work”',
      href: '/notifications',
    });
    expect(describeNotification(note('something.new', {})).href).toBe('/notifications');
  });
});

describe('timeAgo', () => {
  const now = Date.parse('2026-11-26T12:00:00.000Z');
  it('is short for recent times', () => {
    expect(timeAgo('2026-11-26T11:59:50.000Z', now)).toBe('just now');
    expect(timeAgo('2026-11-26T11:55:00.000Z', now)).toBe('5 min ago');
    expect(timeAgo('2026-11-26T09:00:00.000Z', now)).toBe('3 h ago');
    expect(timeAgo('2026-11-25T10:00:00.000Z', now)).toBe('yesterday');
  });
});

import type { AppNotification } from './notification-types.ts';

interface Person {
  handle?: string;
  displayName?: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const nameOf = (value: unknown): string => {
  const person = record(value) as Person;
  return text(person.displayName) || (person.handle ? `@${person.handle}` : 'Someone');
};

const MENTORSHIP: Record<string, string> = {
  requested: 'sent you a mentorship request',
  accepted: 'accepted your mentorship request',
  rejected: 'declined your mentorship request',
  cancelled: 'cancelled a mentorship request',
  completed: 'marked your mentorship completed',
  withdrawn: 'ended your mentorship',
  task_created: 'added a task',
  task_updated: 'changed a task',
  task_completed: 'completed a task',
  task_deleted: 'removed a task',
  comment_created: 'commented on a task',
  comment_updated: 'edited a comment',
  comment_deleted: 'removed a comment',
};

/** What a notification says, in a sentence, and where it leads. */
export function describeNotification(notification: AppNotification): {
  text: string;
  href: string;
} {
  const { payload } = notification;
  const work = record(payload.work);
  const workTitle = text(work.title) || 'a work';
  const workId = typeof work.id === 'number' ? work.id : undefined;
  switch (notification.type) {
    case 'follower.new': {
      const follower = record(payload.follower) as Person;
      return {
        text: `${nameOf(follower)} started following you`,
        href: follower.handle ? `/users/${encodeURIComponent(follower.handle)}` : '/notifications',
      };
    }
    case 'work.published':
      return {
        text: `${nameOf(payload.author)} published “${workTitle}”`,
        href: workId ? `/works/${workId}` : '/notifications',
      };
    case 'page.published': {
      const pages = Array.isArray(payload.pages) ? payload.pages.map(record) : [];
      const first = pages[0];
      const count = pages.length;
      return {
        text: `${nameOf(payload.author)} published ${count === 1 ? `“${text(first?.title)}”` : `${count || 'new'} pages`} in “${workTitle}”`,
        href:
          workId && typeof first?.id === 'number'
            ? `/works/${workId}/pages/${first.id}`
            : workId
              ? `/works/${workId}`
              : '/notifications',
      };
    }
    case 'upload.done': {
      const status = text(payload.status);
      const failed = status === 'failed';
      return {
        text: failed
          ? `Your data upload failed${payload.reason ? `: ${text(payload.reason)}` : ''}`
          : `Your data upload finished: ${Number(payload.rowsInserted ?? 0)} rows added, ${Number(payload.rowsRejected ?? 0)} rejected`,
        href: '/data',
      };
    }
    default: {
      if (notification.type.startsWith('mentorship.')) {
        const event = notification.type.slice('mentorship.'.length);
        const task = record(payload.task);
        const what = `${MENTORSHIP[event] ?? 'updated your mentorship'}${task.description ? `: ${text(task.description)}` : ''}`;
        return { text: `${nameOf(payload.actor)} ${what}`, href: '/mentorship' };
      }
      return { text: 'Something new happened', href: '/notifications' };
    }
  }
}

/** "3 min ago", "yesterday", or a date: short enough for a list. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return new Date(iso).toLocaleDateString();
}

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useSocket, useRealtimeEvent } from '../../lib/realtime.tsx';
import { useApi } from '../../lib/session.tsx';
import { describeNotification, timeAgo } from './describe-notification.ts';
import {
  announceUnread,
  isInboxItem,
  UNREAD_CHANGED_EVENT,
  type AppNotification,
  type NotificationList,
  type UnreadChange,
} from './notification-types.ts';
import './notifications.css';

const RECENT = 8;

/**
 * The header's bell: unread count, live from socket.io, and the recent notifications in a
 * popover with links and mark-read. After a reconnect it reloads the stored inbox, so anything
 * sent while the socket was down shows too.
 */
export function NotificationBell() {
  const api = useApi();
  const socket = useSocket();
  const [items, setItems] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Ids already counted: a notification announced twice (a retried job) counts once.
  const seen = useRef(new Set<string>());

  const load = useCallback(async () => {
    try {
      const list = await api.get<NotificationList>(`/me/notifications?limit=${RECENT}`);
      for (const item of list.notifications) seen.current.add(item.id);
      setItems(list.notifications);
      setUnread(list.unreadCount);
      setProblem(undefined);
    } catch (error) {
      setProblem(asProblem(error));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!socket) return;
    const reload = () => void load();
    socket.on('connect', reload);
    return () => {
      socket.off('connect', reload);
    };
  }, [socket, load]);

  useRealtimeEvent<AppNotification>('notification', (notification) => {
    if (!isInboxItem(notification) || seen.current.has(notification.id)) return;
    seen.current.add(notification.id);
    setItems((current) => [notification, ...current].slice(0, RECENT));
    if (!notification.readAt) setUnread((count) => count + 1);
  });

  useEffect(() => {
    const onChange = (event: Event) => {
      const { unreadCount, readIds } = (event as CustomEvent<UnreadChange>).detail;
      setUnread(unreadCount);
      const now = new Date().toISOString();
      setItems((current) =>
        current.map((item) =>
          !item.readAt && (readIds === 'all' || readIds.includes(item.id))
            ? { ...item, readAt: now }
            : item,
        ),
      );
    };
    window.addEventListener(UNREAD_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(UNREAD_CHANGED_EVENT, onChange);
  }, []);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const markRead = async (ids: string[] | 'all') => {
    try {
      const result = await api.post<{ unreadCount: number }>(
        '/me/notifications/read',
        ids === 'all' ? { all: true } : { ids },
      );
      announceUnread(result.unreadCount, ids);
    } catch (error) {
      setProblem(asProblem(error));
    }
  };

  return (
    <div className="notification-bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="bell-button secondary"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Notifications, ${unread} unread`}
        onClick={() => setOpen((value) => !value)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 ? (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {unread > 0 ? `${unread} unread notifications` : ''}
      </span>
      {open ? (
        <section id={panelId} className="bell-panel card" aria-label="Recent notifications">
          <div className="bell-panel-head">
            <h2>Notifications</h2>
            {unread > 0 ? (
              <button type="button" className="link-button" onClick={() => void markRead('all')}>
                Mark all read
              </button>
            ) : null}
          </div>
          <ProblemMessage problem={problem} />
          {items.length === 0 ? (
            <p className="bell-empty">
              Nothing yet. Follow authors to hear when they publish.{' '}
              <Link to="/" onClick={() => setOpen(false)}>
                Explore works
              </Link>
            </p>
          ) : (
            <ul className="notification-list">
              {items.map((item) => {
                const { text, href } = describeNotification(item);
                return (
                  <li key={item.id} className={item.readAt ? 'read' : 'unread'}>
                    <Link
                      to={href}
                      onClick={() => {
                        setOpen(false);
                        if (!item.readAt) void markRead([item.id]);
                      }}
                    >
                      {item.readAt ? null : <span className="visually-hidden">Unread: </span>}
                      {text}
                    </Link>
                    <time dateTime={item.createdAt}>{timeAgo(item.createdAt)}</time>
                  </li>
                );
              })}
            </ul>
          )}
          <Link className="bell-all" to="/notifications" onClick={() => setOpen(false)}>
            See all notifications
          </Link>
        </section>
      ) : null}
    </div>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useRealtimeEvent, useSocket } from '../../lib/realtime.tsx';
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

const PAGE = 20;

/** The whole inbox, newest first, a page at a time; new ones arrive live at the top. */
export function NotificationsPage() {
  const api = useApi();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [items, setItems] = useState<AppNotification[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [unread, setUnread] = useState(0);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ApiProblem>();

  const fetchPage = useCallback(
    (after: string | null) =>
      api.get<NotificationList>(
        `/me/notifications?limit=${PAGE}${onlyUnread ? '&unread=true' : ''}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`,
      ),
    [api, onlyUnread],
  );

  // Whatever arrived while the socket was not connected yet (or was down) is in the stored inbox.
  const socket = useSocket();
  const [connections, setConnections] = useState(0);
  useEffect(() => {
    if (!socket) return;
    const reconnected = () => setConnections((count) => count + 1);
    socket.on('connect', reconnected);
    return () => {
      socket.off('connect', reconnected);
    };
  }, [socket]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    fetchPage(null)
      .then((list) => {
        if (!live) return;
        setItems(list.notifications);
        setCursor(list.nextCursor);
        setUnread(list.unreadCount);
        setProblem(undefined);
      })
      .catch((error: unknown) => live && setProblem(asProblem(error)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [fetchPage, connections]);

  const more = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const list = await fetchPage(cursor);
      setItems((current) => [
        ...current,
        ...list.notifications.filter((n) => !current.some((c) => c.id === n.id)),
      ]);
      setCursor(list.nextCursor);
      setUnread(list.unreadCount);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setLoading(false);
    }
  };

  useRealtimeEvent<AppNotification>('notification', (notification) => {
    if (!isInboxItem(notification)) return;
    setItems((current) =>
      current.some((item) => item.id === notification.id) ? current : [notification, ...current],
    );
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

  const hasUnread = unread > 0 || items.some((item) => !item.readAt);

  return (
    <section className="notifications-page" aria-labelledby="notifications-title">
      <div className="page-head">
        <h1 id="notifications-title">Notifications</h1>
        <div className="row-actions">
          <label>
            <input
              type="checkbox"
              checked={onlyUnread}
              onChange={(event) => setOnlyUnread(event.target.checked)}
            />{' '}
            Only unread
          </label>
          {hasUnread ? (
            <button type="button" className="secondary" onClick={() => void markRead('all')}>
              Mark all read
            </button>
          ) : null}
        </div>
      </div>
      <p className="loading">{unread === 0 ? 'All caught up.' : `${unread} unread.`}</p>
      <ProblemMessage problem={problem} />
      {items.length === 0 && loading ? <Loading /> : null}
      {items.length === 0 && !loading && !problem ? (
        <EmptyState title={onlyUnread ? 'No unread notifications' : 'No notifications yet'}>
          <p>
            Follow authors to hear the moment they publish. <Link to="/">Explore works</Link>
          </p>
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <ul className="notification-list card">
          {items.map((item) => {
            const { text, href } = describeNotification(item);
            return (
              <li key={item.id} className={item.readAt ? 'read' : 'unread'}>
                <Link to={href} onClick={() => !item.readAt && void markRead([item.id])}>
                  {item.readAt ? null : <span className="visually-hidden">Unread: </span>}
                  {text}
                </Link>
                <span className="row-actions">
                  <time dateTime={item.createdAt}>{timeAgo(item.createdAt)}</time>
                  {item.readAt ? null : (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Mark read: ${text}`}
                      onClick={() => void markRead([item.id])}
                    >
                      Mark read
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {cursor ? (
        <button
          type="button"
          className="secondary load-more"
          disabled={loading}
          onClick={() => void more()}
        >
          {loading ? 'Loading…' : 'Show older'}
        </button>
      ) : null}
    </section>
  );
}

import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { useSession } from './session.tsx';

const RealtimeContext = createContext<Socket | null>(null);

/**
 * One socket.io connection per signed-in tab (`/socket.io` on this origin), authenticated with
 * the access token; it reconnects with a fresh token after a drop or a refresh.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { api, me } = useSession();
  const [socket, setSocket] = useState<Socket | null>(null);
  const userId = me?.id;

  useEffect(() => {
    if (userId === undefined) return;
    const next = io({
      path: '/socket.io',
      transports: ['websocket'],
      auth: (send) => {
        api
          .accessToken()
          .then((token) => send({ token }))
          .catch(() => send({}));
      },
    });
    setSocket(next);
    return () => {
      next.close();
      setSocket(null);
    };
  }, [api, userId]);

  return <RealtimeContext.Provider value={socket}>{children}</RealtimeContext.Provider>;
}

/** The live socket (null when signed out). */
export function useSocket(): Socket | null {
  return useContext(RealtimeContext);
}

/** Calls `handler` for every `event` the server sends to this user. */
export function useRealtimeEvent<T>(event: string, handler: (payload: T) => void): void {
  const socket = useSocket();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => latest.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}

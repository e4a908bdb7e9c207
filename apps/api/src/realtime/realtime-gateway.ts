import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, type Socket } from 'socket.io';
import { REVOCATION_CHANNEL, type RevocationMessage } from '@pluma/auth';
import { AppError } from '@pluma/errors';
import { userRoom } from '@pluma/notify';
import type { ApiDeps } from '../deps.ts';
import { authenticate } from '../http/auth-middleware.ts';
import { observeConnectedClients } from './connected-clients-metric.ts';
import { socketIoKey } from './socket-io-key.ts';

/** What the gateway remembers about a socket's sign-in. */
interface SocketData {
  userId: number;
  jti: string;
  connectedAt: number;
}

export interface RealtimeGateway {
  io: Server;
  /** Disconnects this node's sockets and stops listening to Redis; the HTTP server is left to its owner. */
  close(): Promise<void>;
}

/** Longest a timer may wait in Node (about 24.8 days); tokens expire far sooner. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The socket.io gateway at /socket.io on the API's HTTP server. A socket signs in with the access
 * JWT in the handshake (`auth.token`), checked like a request's bearer token (signature, expiry,
 * revocation); it joins its user's room and is closed when the token expires or is revoked. The
 * Redis adapter lets any node, and the workers' emitter, reach any user.
 */
export async function attachRealtimeGateway(
  server: HttpServer,
  deps: ApiDeps,
): Promise<RealtimeGateway> {
  const sub = deps.redis.duplicate();
  sub.on('error', (error: Error) =>
    deps.log.warn({ err: error }, 'realtime redis subscriber error'),
  );
  await sub.connect();
  const io = new Server<
    Record<string, never>,
    Record<string, never>,
    Record<string, never>,
    SocketData
  >(server, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: new URL(deps.config.PUBLIC_URL).origin },
    adapter: createAdapter(deps.redis, sub, { key: socketIoKey(deps) }),
  });

  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    authenticate(
      deps,
      typeof token === 'string' && token.length > 0 ? `Bearer ${token}` : undefined,
    ).then(
      (auth) => {
        if (!auth)
          return next(
            Object.assign(new Error('auth.unauthenticated'), {
              data: { detail: 'Send the access token as auth.token.' },
            }),
          );
        socket.data = { userId: auth.userId, jti: auth.jti, connectedAt: Date.now() };
        const expiresIn = Math.min(auth.exp * 1000 - Date.now(), MAX_TIMER_MS);
        // The token's life is the socket's: the client reconnects with a refreshed one.
        const timer = setTimeout(() => socket.disconnect(true), Math.max(0, expiresIn));
        timer.unref();
        socket.once('disconnect', () => clearTimeout(timer));
        next();
      },
      (error: unknown) => {
        if (error instanceof AppError)
          return next(Object.assign(new Error(error.code), { data: { detail: error.detail } }));
        deps.log.error({ err: error }, 'socket authentication failed');
        next(new Error('internal'));
      },
    );
  });

  const stopObserving = observeConnectedClients(io);

  io.on('connection', (socket: Socket) => {
    const { userId } = socket.data as SocketData;
    void socket.join(userRoom(userId));
  });

  // Logout, password change or account deletion: close the sockets that token (or user) opened here.
  const revocations = (deps.redisPrefix ?? '') + REVOCATION_CHANNEL;
  await sub.subscribe(revocations, (raw: string) => {
    let message: RevocationMessage;
    try {
      message = JSON.parse(raw) as RevocationMessage;
    } catch {
      return;
    }
    const sockets = io.of('/').adapter.rooms.get(userRoom(Number(message.userId)));
    for (const id of sockets ?? []) {
      const socket = io.of('/').sockets.get(id);
      const data = socket?.data as SocketData | undefined;
      if (!socket || !data) continue;
      if (
        message.jti === data.jti ||
        (message.before !== undefined && data.connectedAt <= message.before)
      )
        socket.disconnect(true);
    }
  });

  let closed = false;
  return {
    io,
    async close() {
      if (closed) return;
      closed = true;
      stopObserving();
      io.local.disconnectSockets(true);
      await sub.unsubscribe(revocations).catch(() => undefined);
      // io.close() would also close the HTTP server, which start-api closes in its own step.
      io.of('/').adapter.close();
      await sub.quit().catch(() => undefined);
    },
  };
}

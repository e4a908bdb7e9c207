// One client process of bench/fanout: opens many socket.io clients to one server (tokens from the
// parent), reports when all are connected, then when each first receives the `notification`
// event. Exits by itself when told, when the parent goes away, or after 5 minutes.
import { io, type Socket } from 'socket.io-client';

interface Start {
  type: 'connect';
  url: string;
  tokens: (string | null)[];
}

const sockets: Socket[] = [];
let received = 0;
let first = 0;
let last = 0;
const now = () => performance.timeOrigin + performance.now();
setTimeout(() => process.exit(0), 5 * 60_000).unref();
process.on('disconnect', () => process.exit(0));

async function connectAll(message: Start) {
  for (const socket of sockets.splice(0)) socket.disconnect();
  received = 0;
  first = 0;
  last = 0;
  const pending: Promise<void>[] = [];
  for (const token of message.tokens) {
    const socket = io(message.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      ...(token ? { auth: { token } } : {}),
    });
    sockets.push(socket);
    socket.on('notification', () => {
      const at = now();
      received += 1;
      if (first === 0) first = at;
      last = at;
      if (received === message.tokens.length)
        process.send?.({ type: 'received', received, first, last });
    });
    pending.push(
      new Promise((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      }),
    );
    // Waves of 100 handshakes: the server under test authenticates each.
    if (pending.length % 100 === 0) await Promise.all(pending.slice(-100));
  }
  await Promise.all(pending);
  process.send?.({ type: 'connected', count: sockets.length });
}

process.on('message', (message: Start | { type: 'report' } | { type: 'close' }) => {
  if (message.type === 'connect')
    connectAll(message).catch((error: unknown) =>
      process.send?.({ type: 'error', error: String(error) }),
    );
  if (message.type === 'report') process.send?.({ type: 'received', received, first, last });
  if (message.type === 'close') {
    for (const socket of sockets.splice(0)) socket.disconnect();
    process.send?.({ type: 'closed' });
  }
});
process.send?.({ type: 'ready' });

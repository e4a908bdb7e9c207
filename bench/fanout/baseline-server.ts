// The baseline of bench/fanout: a bare socket.io server (no auth, no Redis, no database) that,
// when told, broadcasts one payload to every connected client. Exits with its parent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const server = createServer();
const io = new Server(server, { path: '/socket.io', serveClient: false });
process.on('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () =>
  process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port }),
);
process.on('message', (message: { type: 'broadcast'; payload: unknown }) => {
  if (message.type === 'broadcast') io.emit('notification', message.payload);
});

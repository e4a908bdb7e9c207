// The baseline of bench/search: a bare Hono server answering GET /v1/search with a constant JSON
// body (no auth, no database): what the transport costs. Exits with its parent.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

const body = {
  items: [
    { type: 'page', id: 1, title: 'Constant', snippet: 'A <mark>constant</mark> answer', score: 1 },
  ],
  nextCursor: null,
};
const app = new Hono();
app.get('/v1/search', (c) => c.json(body));
process.on('disconnect', () => process.exit(0));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
  process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port }),
);

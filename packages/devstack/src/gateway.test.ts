import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, routeOf } from './gateway.ts';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

/** An upstream that answers every request with its own name and the path it saw. */
function upstream(name: string): Server {
  return createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ name, path: req.url }));
  });
}

describe('gateway', () => {
  const servers: Server[] = [];
  let origin: string;
  beforeAll(async () => {
    const api = upstream('api');
    const collab = upstream('collab');
    const web = upstream('web');
    new WebSocketServer({ server: collab }).on('connection', (ws, req) =>
      ws.send(`collab:${req.url}`),
    );
    new WebSocketServer({ server: api }).on('connection', (ws) => ws.send('api-socket'));
    servers.push(api, collab, web);
    const [apiUrl, collabUrl, webUrl] = await Promise.all([
      listen(api),
      listen(collab),
      listen(web),
    ]);
    const gateway = createGateway({
      api: apiUrl!,
      collab: collabUrl!,
      web: webUrl!,
      mail: (_req, res) => res.end('inbox'),
    });
    servers.push(gateway);
    origin = await listen(gateway);
  });
  afterAll(() => {
    for (const server of servers) server.closeAllConnections?.();
    for (const server of servers) server.close();
  });

  it('routes paths like the production Ingress', () => {
    expect(routeOf('/v1/works?x=1')).toBe('api');
    expect(routeOf('/socket.io/?EIO=4')).toBe('api');
    expect(routeOf('/collab')).toBe('collab');
    expect(routeOf('/collaborators')).toBe('web');
    expect(routeOf('/works/1')).toBe('web');
    expect(routeOf('/_dev/mail')).toBe('mail');
  });

  it('forwards HTTP requests to the right app with the path unchanged', async () => {
    expect(await (await fetch(`${origin}/v1/readyz`)).json()).toEqual({
      name: 'api',
      path: '/v1/readyz',
    });
    expect(await (await fetch(`${origin}/works/7`)).json()).toEqual({
      name: 'web',
      path: '/works/7',
    });
    expect(await (await fetch(`${origin}/_dev/mail`)).text()).toBe('inbox');
  });

  it('forwards WebSocket upgrades on /collab and /socket.io', async () => {
    const first = (url: string) =>
      new Promise<string>((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.once('message', (data: Buffer) => {
          resolve(data.toString());
          ws.close();
        });
        ws.once('error', reject);
      });
    const ws = origin.replace('http', 'ws');
    expect(await first(`${ws}/collab`)).toBe('collab:/collab');
    expect(await first(`${ws}/socket.io/?EIO=4&transport=websocket`)).toBe('api-socket');
  });

  it('answers 502 when an app is down', async () => {
    const down = createGateway({
      api: 'http://127.0.0.1:1',
      collab: 'http://127.0.0.1:1',
      web: 'http://127.0.0.1:1',
    });
    servers.push(down);
    const origin = await listen(down);
    const res = await fetch(`${origin}/v1/readyz`);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('api service is not answering');
    // Without an embedded catcher (SMTP_URL configured) the inbox page says where mail went.
    const mail = await fetch(`${origin}/_dev/mail`);
    expect(mail.status).toBe(404);
    expect(await mail.text()).toContain('SMTP_URL is configured');
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';

export interface GatewayTargets {
  api: string;
  collab: string;
  web: string;
  /** Optional handler for /_dev/mail (the local mail catcher's inbox). */
  mail?: (req: IncomingMessage, res: ServerResponse, basePath: string) => void;
}

const MAIL_PATH = '/_dev/mail';

/** Which upstream serves a path: the same split the Kubernetes Ingress makes in production. */
export function routeOf(path: string): 'api' | 'collab' | 'web' | 'mail' {
  if (path === '/v1' || path.startsWith('/v1/') || path.startsWith('/socket.io')) return 'api';
  if (path === '/collab' || path.startsWith('/collab/') || path.startsWith('/collab?'))
    return 'collab';
  if (path === MAIL_PATH || path.startsWith(`${MAIL_PATH}/`)) return 'mail';
  return 'web';
}

/**
 * The one local origin: `/v1/*` and `/socket.io` to the API, `/collab` (WebSocket) to collab,
 * `/_dev/mail` to the mail catcher, everything else to the web app.
 */
export function createGateway(targets: GatewayTargets): Server {
  const proxy = createProxyServer({ xfwd: true, ws: true });
  // http-proxy-3 re-throws an 'error' nobody listens to: a browser resetting one WebSocket
  // (a tab closed, ECONNRESET) would bring the whole local platform down. That socket is gone
  // either way; the per-request callbacks below answer the cases that have someone to answer.
  proxy.on('error', () => undefined);
  const unavailable = (res: ServerResponse | Duplex, name: string) => {
    if ('writeHead' in res) {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`The ${name} service is not answering.\n`);
    } else {
      res.destroy();
    }
  };
  const server = createServer((req, res) => {
    const route = routeOf(req.url ?? '/');
    if (route === 'mail') {
      if (targets.mail) {
        targets.mail(req, res, MAIL_PATH);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('No local mail catcher: SMTP_URL is configured, so mail goes to that server.\n');
      }
      return;
    }
    const target =
      route === 'api' ? targets.api : route === 'collab' ? targets.collab : targets.web;
    proxy.web(req, res, { target }, () => unavailable(res, route));
  });
  server.on('upgrade', (req, socket, head) => {
    const route = routeOf(req.url ?? '/');
    if (route !== 'api' && route !== 'collab') {
      socket.destroy();
      return;
    }
    proxy.ws(req, socket, head, { target: route === 'api' ? targets.api : targets.collab }, () =>
      socket.destroy(),
    );
  });
  return server;
}

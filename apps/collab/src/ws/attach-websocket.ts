import type { IncomingHttpHeaders, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { CloseEvent } from '@hocuspocus/common';
import type { Hocuspocus } from '@hocuspocus/server';
import type { Logger } from '@pluma/telemetry/logger';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MalformedMessage } from '../close-events.ts';
import type { CollabContext } from '../deps.ts';
import type { ConnectionThrottle } from './connection-throttle.ts';
import { checkFrame } from './frame-guard.ts';

export interface WebSocketGateway {
  /** Refuses new upgrades (503) from now on. */
  stopAccepting(): void;
  /** Closes every socket with the event; sockets that do not finish the close handshake in time are cut. */
  closeAll(event: CloseEvent, graceMs: number): Promise<void>;
  readonly clients: Set<WebSocket>;
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

function toBytes(data: RawData): Uint8Array {
  const buffer = Array.isArray(data)
    ? Buffer.concat(data)
    : Buffer.isBuffer(data)
      ? data
      : Buffer.from(data);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function refuseUpgrade(socket: Duplex, status: number, text: string) {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Serves Hocuspocus WebSockets on the collab HTTP server (any path; the public origin routes
 * /collab here). Limits on the socket itself: `maxPayload` (a larger frame closes it with 1009),
 * a throttle of upgrade attempts per client (429), and a check of every frame before Hocuspocus
 * reads it (a malformed one closes that socket with 1007; the document and others are untouched).
 */
export function attachWebSocket(
  httpServer: HttpServer,
  hocuspocus: Hocuspocus<CollabContext>,
  options: { maxMessageBytes: number; throttle: ConnectionThrottle; log: Logger },
): WebSocketGateway {
  const { log, throttle } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  let accepting = true;

  httpServer.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (!accepting) return refuseUpgrade(socket, 503, 'Service Unavailable');
    if (!throttle.allow(request)) {
      log.warn({ address: request.socket.remoteAddress }, 'connection attempts throttled');
      return refuseUpgrade(socket, 429, 'Too Many Requests');
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  wss.on('connection', (ws: WebSocket, incoming) => {
    const request = new Request(
      `http://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`,
      {
        headers: toHeaders(incoming.headers),
      },
    );
    const client = hocuspocus.handleConnection(ws, request);
    let refused = false;
    // Required: ws reports an oversized frame (and closes with 1009) through 'error'.
    ws.on('error', (error) => log.info({ err: error }, 'websocket closed on error'));
    ws.on('message', (data, isBinary) => {
      if (refused) return;
      const bytes = toBytes(data);
      const verdict = isBinary ? checkFrame(bytes) : 'malformed';
      if (verdict === 'forward') {
        client.handleMessage(bytes);
      } else if (verdict === 'malformed') {
        refused = true;
        log.info({ bytes: bytes.byteLength }, 'malformed message; closing its connection');
        ws.close(MalformedMessage.code, MalformedMessage.reason);
      }
    });
    ws.on('close', (code, reason) => client.handleClose({ code, reason: reason.toString() }));
  });

  return {
    clients: wss.clients,
    stopAccepting() {
      accepting = false;
    },
    async closeAll(event, graceMs) {
      const open = [...wss.clients];
      if (open.length === 0) return;
      await new Promise<void>((resolve) => {
        let left = open.length;
        const timer = setTimeout(() => {
          for (const ws of open) ws.terminate();
          // terminate() of a socket already gone emits nothing: do not wait for it.
          setTimeout(resolve, 100).unref();
        }, graceMs);
        for (const ws of open) {
          ws.once('close', () => {
            if (--left === 0) {
              clearTimeout(timer);
              resolve();
            }
          });
          ws.close(event.code, event.reason);
        }
      });
      wss.close();
    },
  };
}

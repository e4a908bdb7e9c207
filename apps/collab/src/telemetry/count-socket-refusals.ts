import type { Hocuspocus } from '@hocuspocus/server';
import type { WebSocket } from 'ws';
import { MalformedMessage } from '../close-events.ts';
import type { CollabContext } from '../deps.ts';
import type { CollabMetrics } from './collab-metrics.ts';

/** What `ws` reports (as an 'error', before closing with 1009) for a frame past `maxPayload`. */
const FRAME_TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

function isNodeSocket(incoming: unknown): incoming is WebSocket {
  return typeof (incoming as { once?: unknown }).once === 'function';
}

/**
 * Hocuspocus as the WebSocket gateway (ws/attach-websocket.ts) sees it, counting the sockets the
 * gateway cuts itself, before Hocuspocus is involved: a frame past the size limit (`too_large`)
 * and a malformed frame (closed with 1007, `malformed`). Only `handleConnection`, the one method
 * the gateway calls, is wrapped; everything else is the instance itself.
 */
export function countSocketRefusals(
  hocuspocus: Hocuspocus<CollabContext>,
  metrics: CollabMetrics,
): Hocuspocus<CollabContext> {
  const observed = Object.create(hocuspocus) as Hocuspocus<CollabContext>;
  observed.handleConnection = (incoming, request, defaultContext) => {
    if (isNodeSocket(incoming)) {
      incoming.on('error', (error: Error & { code?: string }) => {
        if (error.code === FRAME_TOO_LARGE) metrics.countRefusal('too_large');
      });
      incoming.once('close', (code) => {
        if (code === MalformedMessage.code) metrics.countRefusal('malformed');
      });
    }
    return hocuspocus.handleConnection(incoming, request, defaultContext);
  };
  return observed;
}

import type { CloseEvent } from '@hocuspocus/common';
import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { CollabContext } from './deps.ts';

/** Every document connection open on this node. */
export function* openConnections(
  instance: Hocuspocus<CollabContext>,
): Generator<Connection<CollabContext>> {
  for (const document of instance.documents.values()) {
    yield* document.getConnections() as Connection<CollabContext>[];
  }
}

/**
 * Closes the WebSocket under a document connection. Hocuspocus' own connection.close() only
 * detaches the document and leaves the socket (and the provider) hanging; closing the socket
 * makes the provider reconnect and be authorized afresh.
 */
export function closeSocket(connection: Connection, event: CloseEvent): void {
  connection.webSocket.close(event.code, event.reason);
}

import type { Hocuspocus } from '@hocuspocus/server';
import { openConnections } from '../connections.ts';
import type { CollabContext } from '../deps.ts';

/**
 * Client sockets with a document open on this node: a provider multiplexing several documents
 * over one socket counts once, and server-side direct connections (a version restore) not at all.
 */
export function countClientSockets(hocuspocus: Hocuspocus<CollabContext>): number {
  const sockets = new Set<string>();
  for (const connection of openConnections(hocuspocus)) sockets.add(connection.socketId);
  return sockets.size;
}

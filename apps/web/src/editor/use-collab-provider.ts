import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  type WebSocketStatus,
} from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../lib/api-client.ts';
import { collabSocketUrl } from './collab-request.ts';
import type { ConnectionStatus, SaveInputs } from './save-state.ts';
import { tokenRefreshWait } from './token-expiry.ts';

/** Someone in the page right now, from the provider's awareness. */
export interface Participant {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

export interface CollabConnection {
  provider: HocuspocusProvider;
  save: SaveInputs;
  participants: Participant[];
  /** The server's answer to our token: read-write, readonly, or undefined until it answered. */
  scope: 'read-write' | 'readonly' | undefined;
  /** Why the server refused the page (e.g. `forbidden`), if it did. */
  refusal: string | undefined;
}

/** Longest wait between reconnection attempts (the provider's default is 30 s). */
const RECONNECT_MAX_DELAY_MS = 4000;

function participantsOf(provider: HocuspocusProvider): Participant[] {
  const awareness = provider.awareness;
  if (!awareness) return [];
  const self = provider.document.clientID;
  const list: Participant[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string') continue;
    list.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#4a4640',
      self: clientId === self,
    });
  }
  // You first, then the others by name.
  return list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/**
 * One HocuspocusProvider for the page `page:<pageId>` on this origin's /collab, authenticated
 * with the access token (asked again on every reconnect, so a refreshed token is used), and the
 * state the screen shows: connection and acknowledgement (for the save state), who is here, and
 * whether the server lets us write.
 */
export function useCollabProvider(api: ApiClient, pageId: number): CollabConnection | null {
  const [connection, setConnection] = useState<CollabConnection | null>(null);

  useEffect(() => {
    const socket = new HocuspocusProviderWebsocket({
      url: collabSocketUrl(),
      // After a server restart a writer should be back within seconds, not after 30 s of backoff.
      maxDelay: RECONNECT_MAX_DELAY_MS,
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: `page:${pageId}`,
      token: async () => {
        let token = await api.accessToken();
        // On an open connection this is the server asking for a fresh token before expiry.
        const wait = token && provider.isAuthenticated ? tokenRefreshWait(token) : 0;
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          token = await api.accessToken();
        }
        return token ?? '';
      },
    });
    let status: ConnectionStatus = 'connecting';
    let everSynced = false;
    let scope: CollabConnection['scope'];
    let refusal: string | undefined;
    let participants = participantsOf(provider);

    const publish = () => {
      if (provider.synced) everSynced = true;
      setConnection({
        provider,
        save: {
          status,
          synced: provider.synced,
          hasUnsyncedChanges: provider.hasUnsyncedChanges,
          everSynced,
        },
        participants,
        scope,
        refusal,
      });
    };
    provider.on('status', ({ status: next }: { status: WebSocketStatus }) => {
      status = next;
      publish();
    });
    provider.on('synced', publish);
    provider.on('unsyncedChanges', publish);
    provider.on('close', publish);
    provider.on('authenticated', ({ scope: granted }: { scope: CollabConnection['scope'] }) => {
      scope = granted;
      refusal = undefined;
      publish();
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      refusal = reason;
      publish();
    });
    provider.on('awarenessChange', () => {
      participants = participantsOf(provider);
      publish();
    });
    provider.attach();
    publish();

    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (!provider.hasUnsyncedChanges) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warnBeforeLeaving);
    return () => {
      window.removeEventListener('beforeunload', warnBeforeLeaving);
      provider.destroy();
      socket.destroy();
      setConnection(null);
    };
  }, [api, pageId]);

  return connection;
}

/** What the provider tells about the connection (Hocuspocus WebSocketStatus values). */
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface SaveInputs {
  status: ConnectionStatus;
  /** The provider's `synced`: the first handshake is done and every sent change was acknowledged. */
  synced: boolean;
  /** The provider's `hasUnsyncedChanges`: edits sent or waiting that the server has not acknowledged. */
  hasUnsyncedChanges: boolean;
  /**
   * Whether this editor was ever synced. A provider that lost its connection goes back to
   * "connecting" on every retry; for the writer that is still being offline, not loading.
   */
  everSynced: boolean;
}

export type SaveKind = 'connecting' | 'saving' | 'saved' | 'offline';

export interface SaveState {
  kind: SaveKind;
  /** The words shown in the status line. */
  label: string;
}

export const SAVE_LABELS = {
  connecting: 'Connecting…',
  saving: 'Saving…',
  saved: 'Saved',
  offline: 'Offline — changes kept',
  offlinePending: 'Offline — changes kept; they will be saved when the connection is back',
} as const;

/**
 * The save state a writer can trust. "Saved" only when the server acknowledged every change
 * (Pluma's collab server acknowledges after the durable append); while it has not, "Saving…";
 * without a connection, "Offline — changes kept" (the Y.Doc keeps them and the provider sends
 * them on reconnect), saying so when some are not saved yet.
 */
export function computeSaveState(inputs: SaveInputs): SaveState {
  const offline =
    inputs.status === 'disconnected' || (inputs.status === 'connecting' && inputs.everSynced);
  if (offline) {
    return inputs.hasUnsyncedChanges
      ? { kind: 'offline', label: SAVE_LABELS.offlinePending }
      : { kind: 'offline', label: SAVE_LABELS.offline };
  }
  if (inputs.status === 'connecting') return { kind: 'connecting', label: SAVE_LABELS.connecting };
  // Connected: the first handshake (loading the page) is not a save.
  if (!inputs.everSynced && !inputs.synced)
    return { kind: 'connecting', label: SAVE_LABELS.connecting };
  if (inputs.hasUnsyncedChanges || !inputs.synced)
    return { kind: 'saving', label: SAVE_LABELS.saving };
  return { kind: 'saved', label: SAVE_LABELS.saved };
}

/** Whether leaving the page now would lose changes the server has not acknowledged. */
export function hasUnsavedWork(inputs: SaveInputs): boolean {
  return inputs.hasUnsyncedChanges;
}

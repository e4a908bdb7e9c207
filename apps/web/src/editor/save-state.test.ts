import { describe, expect, it } from 'vitest';
import { SAVE_LABELS, computeSaveState, hasUnsavedWork, type SaveInputs } from './save-state.ts';

const initial: SaveInputs = {
  status: 'connecting',
  synced: false,
  hasUnsyncedChanges: false,
  everSynced: false,
};

/** Applies provider events in order and returns the label after each. */
function labels(steps: Partial<SaveInputs>[]): string[] {
  let inputs = initial;
  return steps.map((step) => {
    inputs = { ...inputs, ...step };
    if (inputs.synced) inputs = { ...inputs, everSynced: true };
    return computeSaveState(inputs).label;
  });
}

describe('save state', () => {
  it('says Connecting… until the page has loaded', () => {
    expect(computeSaveState(initial)).toEqual({ kind: 'connecting', label: 'Connecting…' });
    // Connected, handshake under way: the provider counts the handshake as one unsynced change.
    expect(
      computeSaveState({ ...initial, status: 'connected', hasUnsyncedChanges: true }).label,
    ).toBe(SAVE_LABELS.connecting);
  });

  it('says Saved only once connected, synced and with nothing unacknowledged', () => {
    expect(
      computeSaveState({
        status: 'connected',
        synced: true,
        hasUnsyncedChanges: false,
        everSynced: true,
      }),
    ).toEqual({ kind: 'saved', label: 'Saved' });
  });

  it('says Saving… from an edit until the server acknowledges it, then Saved', () => {
    expect(
      labels([
        { status: 'connected' },
        { synced: true },
        { hasUnsyncedChanges: true },
        { hasUnsyncedChanges: false },
      ]),
    ).toEqual(['Connecting…', 'Saved', 'Saving…', 'Saved']);
  });

  it('never says Saved while connected but not synced', () => {
    const state = computeSaveState({
      status: 'connected',
      synced: false,
      hasUnsyncedChanges: false,
      everSynced: true,
    });
    expect(state.kind).toBe('saving');
  });

  it('says Offline — changes kept when the connection drops with everything saved', () => {
    expect(
      computeSaveState({
        status: 'disconnected',
        synced: false,
        hasUnsyncedChanges: false,
        everSynced: true,
      }),
    ).toEqual({ kind: 'offline', label: 'Offline — changes kept' });
  });

  it('says that unsaved changes are kept while offline', () => {
    const state = computeSaveState({
      status: 'disconnected',
      synced: false,
      hasUnsyncedChanges: true,
      everSynced: true,
    });
    expect(state.kind).toBe('offline');
    expect(state.label).toBe(SAVE_LABELS.offlinePending);
    expect(state.label.startsWith('Offline — changes kept')).toBe(true);
  });

  it('stays offline while the provider retries, and returns to Saved after the resend is acknowledged', () => {
    expect(
      labels([
        { status: 'connected' },
        { synced: true },
        { status: 'disconnected', synced: false },
        { hasUnsyncedChanges: true }, // typed while offline
        { status: 'connecting' }, // a reconnection attempt
        { status: 'disconnected' },
        { status: 'connecting' },
        { status: 'connected' }, // handshake: provider resends
        { synced: true, hasUnsyncedChanges: false }, // acknowledged
      ]),
    ).toEqual([
      'Connecting…',
      'Saved',
      'Offline — changes kept',
      SAVE_LABELS.offlinePending,
      SAVE_LABELS.offlinePending,
      SAVE_LABELS.offlinePending,
      SAVE_LABELS.offlinePending,
      'Saving…',
      'Saved',
    ]);
  });

  it('is offline (not connecting) when the first connection attempt fails', () => {
    expect(computeSaveState({ ...initial, status: 'disconnected' }).kind).toBe('offline');
  });

  it('warns before leaving only while changes are unacknowledged', () => {
    expect(hasUnsavedWork({ ...initial, status: 'connected', hasUnsyncedChanges: true })).toBe(
      true,
    );
    expect(
      hasUnsavedWork({
        status: 'connected',
        synced: true,
        hasUnsyncedChanges: false,
        everSynced: true,
      }),
    ).toBe(false);
    expect(
      hasUnsavedWork({
        status: 'disconnected',
        synced: false,
        hasUnsyncedChanges: true,
        everSynced: true,
      }),
    ).toBe(true);
  });
});

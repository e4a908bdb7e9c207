// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SaveStatus } from './save-status.tsx';

afterEach(cleanup);

describe('SaveStatus', () => {
  it('announces the save state politely and follows the provider', () => {
    const { rerender } = render(
      <SaveStatus
        inputs={{ status: 'connected', synced: true, hasUnsyncedChanges: true, everSynced: true }}
      />,
    );
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Saving…');

    rerender(
      <SaveStatus
        inputs={{ status: 'connected', synced: true, hasUnsyncedChanges: false, everSynced: true }}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Saved');

    rerender(
      <SaveStatus
        inputs={{
          status: 'disconnected',
          synced: false,
          hasUnsyncedChanges: true,
          everSynced: true,
        }}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Offline — changes kept/);
  });
});

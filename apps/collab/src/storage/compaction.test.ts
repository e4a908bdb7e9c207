import { ResetConnection } from '@hocuspocus/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { pageDocumentName } from '../document-name.ts';
import {
  connectClient,
  createHarness,
  type Harness,
  type RunningCollab,
} from '../test-support/harness.ts';
import { appendParagraph, firstParagraph, textOf } from '../test-support/page-edits.ts';
import { loadDocumentState, measureLog } from './document-store.ts';
import { isTransientDbError, retryTransient } from './transient-db-error.ts';

let harness: Harness;
let node: RunningCollab;
const retry = { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 };

beforeAll(async () => {
  harness = await createHarness('compact');
  node = await harness.start({
    compaction: { maxLogRows: 50, maxLogBytes: 1024 * 1024, leaseMs: 30_000 },
  });
});
afterAll(async () => {
  await harness?.close();
});

async function storedText(documentName: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    await loadDocumentState(harness.db.orm, documentName, retry, harness.deps.log),
  );
  return textOf(doc);
}

describe('compaction', () => {
  it('folds the log into the state past a threshold and on demand, leaving the content identical', async () => {
    const documentName = pageDocumentName(harness.seed.pageIds[0]!);
    const client = connectClient(
      node.url,
      documentName,
      await harness.token(harness.seed.users.owner),
    );
    await vi.waitFor(() => expect(client.synced()).toBe(true));
    const text = firstParagraph(client.doc);
    for (let i = 0; i < 300; i++) {
      text.insert(text.length, String.fromCharCode(97 + (i % 26)));
      if (i % 7 === 0) text.delete(Math.floor(text.length / 2), 1);
    }
    await vi.waitFor(() => expect(client.provider.hasUnsyncedChanges).toBe(false), {
      timeout: 10_000,
    });
    // Compactions ran in the background while typing: the log stays short.
    await vi.waitFor(async () =>
      expect((await measureLog(harness.db.orm, documentName)).rows).toBeLessThan(50),
    );
    expect(node.server.stats().compactions.compactions).toBeGreaterThan(0);
    expect(await storedText(documentName)).toBe(textOf(client.doc));

    expect(await node.server.compact(documentName)).toMatch(/compacted|nothing/);
    expect((await measureLog(harness.db.orm, documentName)).rows).toBe(0);
    expect(await storedText(documentName)).toBe(textOf(client.doc));

    // A new client loads the compacted state.
    const reader = connectClient(
      node.url,
      documentName,
      await harness.token(harness.seed.users.viewer),
    );
    await vi.waitFor(() => expect(reader.synced()).toBe(true));
    expect(textOf(reader.doc)).toBe(textOf(client.doc));
    client.destroy();
    reader.destroy();
  });

  it('never acknowledges an edit it could not store, and stores it once storage is back', async () => {
    const documentName = pageDocumentName(harness.seed.pageIds[1]!);
    const writer = connectClient(
      node.url,
      documentName,
      await harness.token(harness.seed.users.editor),
    );
    const reader = connectClient(
      node.url,
      documentName,
      await harness.token(harness.seed.users.owner),
    );
    await vi.waitFor(() => expect(writer.synced() && reader.synced()).toBe(true));
    const connection = harness.db.orm.em.fork().getConnection();
    await connection.execute('RENAME TABLE yjs_update TO yjs_update_away');
    try {
      appendParagraph(writer.doc, 'written while storage was away');
      await vi.waitFor(() => expect(writer.closes).toContain(ResetConnection.code));
      // The writer keeps it as unsynced (it was never acknowledged). Peers may already have it:
      // updates are relayed before they are stored; only the sender's acknowledgement waits.
      expect(writer.provider.hasUnsyncedChanges).toBe(true);
    } finally {
      await connection.execute('RENAME TABLE yjs_update_away TO yjs_update');
    }
    // The provider reconnects and sends the edit again.
    await vi.waitFor(
      () => expect(writer.synced() && !writer.provider.hasUnsyncedChanges).toBe(true),
      { timeout: 10_000 },
    );
    await vi.waitFor(() => expect(textOf(reader.doc)).toBe('written while storage was away'));
    expect(await storedText(documentName)).toBe('written while storage was away');
    writer.destroy();
    reader.destroy();
  });
});

describe('transient database errors', () => {
  it('are recognised by code, errno and cause', () => {
    expect(
      isTransientDbError(Object.assign(new Error('x'), { code: 'PROTOCOL_CONNECTION_LOST' })),
    ).toBe(true);
    expect(isTransientDbError(Object.assign(new Error('x'), { errno: 1213 }))).toBe(true);
    expect(
      isTransientDbError(
        new Error('x', { cause: Object.assign(new Error('y'), { code: 'ECONNRESET' }) }),
      ),
    ).toBe(true);
    expect(
      isTransientDbError(Object.assign(new Error('x'), { code: 'ER_NO_SUCH_TABLE', errno: 1146 })),
    ).toBe(false);
  });

  it('are retried within bounds; others fail at once', async () => {
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 3) throw Object.assign(new Error('reset'), { code: 'ECONNRESET' });
      return 'stored';
    };
    expect(await retryTransient(flaky, { attempts: 5, baseDelayMs: 1, maxDelayMs: 2 })).toBe(
      'stored',
    );
    expect(calls).toBe(3);

    calls = 0;
    const alwaysDown = async () => {
      calls += 1;
      throw Object.assign(new Error('lost'), { code: 'PROTOCOL_CONNECTION_LOST' });
    };
    await expect(
      retryTransient(alwaysDown, { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 }),
    ).rejects.toThrow('lost');
    expect(calls).toBe(4);

    calls = 0;
    const broken = async () => {
      calls += 1;
      throw Object.assign(new Error('no table'), { code: 'ER_NO_SUCH_TABLE' });
    };
    await expect(
      retryTransient(broken, { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 }),
    ).rejects.toThrow('no table');
    expect(calls).toBe(1);
  });
});

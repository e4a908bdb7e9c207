import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { pageDocumentName } from './document-name.ts';
import { loadDocumentState, measureLog } from './storage/document-store.ts';
import {
  connectClient,
  createHarness,
  type Harness,
  type RunningCollab,
} from './test-support/harness.ts';
import { firstParagraph, textOf } from './test-support/page-edits.ts';

let harness: Harness;
let node: RunningCollab;

beforeAll(async () => {
  harness = await createHarness('converge');
  node = await harness.start();
});
afterAll(async () => {
  await harness?.close();
});

const retry = { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 };

/** Random inserts and deletes on the first paragraph, yielding now and then so both editors interleave. */
async function editRandomly(doc: Y.Doc, operations: number, alphabet: string) {
  const text = firstParagraph(doc);
  for (let i = 0; i < operations; i++) {
    if (text.length > 0 && Math.random() < 0.3) {
      const at = Math.floor(Math.random() * text.length);
      text.delete(at, Math.min(1 + Math.floor(Math.random() * 2), text.length - at));
    } else {
      const at = Math.floor(Math.random() * (text.length + 1));
      text.insert(at, alphabet[Math.floor(Math.random() * alphabet.length)]!);
    }
    if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('collaborative editing', () => {
  it('converges two editors making 1,000 random edits each, and stores exactly what they see', async () => {
    const documentName = pageDocumentName(harness.seed.pageIds[0]!);
    const a = connectClient(node.url, documentName, await harness.token(harness.seed.users.owner));
    const b = connectClient(node.url, documentName, await harness.token(harness.seed.users.editor));
    await vi.waitFor(() => expect(a.synced() && b.synced()).toBe(true));
    firstParagraph(a.doc).insert(0, 'start ');
    await vi.waitFor(() => expect(textOf(b.doc)).toBe('start '));

    await Promise.all([
      editRandomly(a.doc, 1000, 'abcdefghij'),
      editRandomly(b.doc, 1000, 'KLMNOPQRST'),
    ]);
    await vi.waitFor(
      () => {
        expect(a.provider.hasUnsyncedChanges || b.provider.hasUnsyncedChanges).toBe(false);
        expect(textOf(a.doc)).toBe(textOf(b.doc));
      },
      { timeout: 20_000 },
    );
    const seen = textOf(a.doc);
    expect(seen.length).toBeGreaterThan(100);

    a.destroy();
    b.destroy();
    await vi.waitFor(() => expect(node.server.hocuspocus.getDocumentsCount()).toBe(0));
    await vi.waitFor(() => expect(node.server.hocuspocus.unloadingDocuments.size).toBe(0));

    const stored = new Y.Doc();
    Y.applyUpdate(
      stored,
      await loadDocumentState(harness.db.orm, documentName, retry, harness.deps.log),
    );
    expect(textOf(stored)).toBe(seen);
    // Unloading compacted the log into yjs_document.
    expect((await measureLog(harness.db.orm, documentName)).rows).toBe(0);
  });
});

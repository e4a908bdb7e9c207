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
let one: RunningCollab;
let two: RunningCollab;
const retry = { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 };

beforeAll(async () => {
  harness = await createHarness('scaleout');
  [one, two] = await Promise.all([harness.start(), harness.start()]);
});
afterAll(async () => {
  await harness?.close();
});

async function typeRandomly(doc: Y.Doc, count: number, alphabet: string) {
  const text = firstParagraph(doc);
  for (let i = 0; i < count; i++) {
    text.insert(Math.floor(Math.random() * (text.length + 1)), alphabet[i % alphabet.length]!);
    if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('two collab nodes over Redis', () => {
  it('lets editors on different nodes see each other, and exactly one node compacts', async () => {
    const documentName = pageDocumentName(harness.seed.pageIds[0]!);
    const a = connectClient(one.url, documentName, await harness.token(harness.seed.users.owner));
    const b = connectClient(two.url, documentName, await harness.token(harness.seed.users.editor));
    await vi.waitFor(() => expect(a.synced() && b.synced()).toBe(true));
    firstParagraph(a.doc).insert(0, 'from node one. ');
    await vi.waitFor(() => expect(textOf(b.doc)).toBe('from node one. '));

    await Promise.all([typeRandomly(a.doc, 300, 'abcde'), typeRandomly(b.doc, 300, 'VWXYZ')]);
    await vi.waitFor(
      () => {
        expect(a.provider.hasUnsyncedChanges || b.provider.hasUnsyncedChanges).toBe(false);
        expect(textOf(a.doc)).toBe(textOf(b.doc));
      },
      { timeout: 15_000 },
    );
    const seen = textOf(a.doc);
    expect(seen.length).toBe('from node one. '.length + 600);
    expect((await measureLog(harness.db.orm, documentName)).rows).toBeGreaterThan(0);

    // Both nodes hold the document and try to compact it at the same moment: one gets the lease.
    const outcomes = await Promise.all([
      one.server.compact(documentName),
      two.server.compact(documentName),
    ]);
    expect(outcomes.sort()).toEqual(['busy', 'compacted']);
    expect(
      one.server.stats().compactions.compactions + two.server.stats().compactions.compactions,
    ).toBe(1);
    expect((await measureLog(harness.db.orm, documentName)).rows).toBe(0);
    const stored = new Y.Doc();
    Y.applyUpdate(
      stored,
      await loadDocumentState(harness.db.orm, documentName, retry, harness.deps.log),
    );
    expect(textOf(stored)).toBe(seen);

    // Editing goes on across nodes after the compaction.
    firstParagraph(b.doc).insert(0, 'node two again. ');
    await vi.waitFor(() => expect(textOf(a.doc)).toBe(textOf(b.doc)));
    a.destroy();
    b.destroy();
  });
});

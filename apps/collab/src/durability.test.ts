import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GoingAway } from './close-events.ts';
import { pageDocumentName } from './document-name.ts';
import { measureLog } from './storage/document-store.ts';
import { startCollabProcess, type CollabProcess } from './test-support/collab-process.ts';
import {
  connectClient,
  createHarness,
  type Harness,
  type TestClient,
} from './test-support/harness.ts';
import { appendParagraph, textOf } from './test-support/page-edits.ts';
import { PAGE_FRAGMENT } from '@pluma/text';
import type * as Y from 'yjs';

const ROUNDS = 20;
let harness: Harness;
let collab: CollabProcess | undefined;

beforeAll(async () => {
  harness = await createHarness('durable');
});
afterAll(async () => {
  await collab?.kill('SIGKILL');
  await harness?.close();
});

/** Types `text` into the last paragraph one keystroke (one update, one message) at a time. */
function typeKeystrokes(doc: Y.Doc, text: string) {
  const fragment = doc.getXmlFragment(PAGE_FRAGMENT);
  const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement;
  const target = paragraph.get(0) as Y.XmlText;
  for (const char of text) target.insert(target.length, char);
}

/** Resolves as soon as the provider reports every change acknowledged, running `then` in that same turn. */
function onceAcknowledged(client: TestClient, then: () => void): Promise<void> {
  return new Promise((resolve) => {
    const check = ({ number }: { number: number }) => {
      if (number !== 0) return;
      client.provider.off('unsyncedChanges', check);
      then();
      resolve();
    };
    client.provider.on('unsyncedChanges', check);
  });
}

describe('durability', () => {
  it(`keeps every acknowledged keystroke when the process is killed (kill -9), ${ROUNDS} rounds`, async () => {
    const documentName = pageDocumentName(harness.seed.pageIds[0]!);
    const token = await harness.token(harness.seed.users.editor);
    const env = { databaseUrl: harness.db.url, redisPrefix: harness.prefix };
    collab = await startCollabProcess(env);
    let acknowledged = '';

    for (let round = 0; round < ROUNDS; round++) {
      // A new client with an empty document: it can only see what the server stored.
      const client = connectClient(collab.url, documentName, token);
      await vi.waitFor(() => expect(client.synced()).toBe(true), { timeout: 10_000 });
      expect(textOf(client.doc)).toBe(acknowledged);

      appendParagraph(client.doc, `round ${round}: `);
      typeKeystrokes(client.doc, `the quick brown fox ${round} jumps`);
      const running = collab;
      // The moment the last keystroke is acknowledged: close the tab, then kill -9 the server.
      await onceAcknowledged(client, () => {
        acknowledged = textOf(client.doc);
        client.destroy();
        running.child.kill('SIGKILL');
      });
      await running.kill('SIGKILL');
      // Started only now (starting it ahead saves nothing on 2 cores: start-up is CPU-bound).
      collab = await startCollabProcess(env);
    }

    const reader = connectClient(collab.url, documentName, token);
    await vi.waitFor(() => expect(reader.synced()).toBe(true), { timeout: 10_000 });
    expect(textOf(reader.doc)).toBe(acknowledged);
    expect(acknowledged.split('\n\n')).toHaveLength(ROUNDS);
    reader.destroy();
  }, 150_000);

  it('shuts down gracefully on SIGTERM: sockets closed, open documents compacted, exit 0', async () => {
    const documentName = pageDocumentName(harness.seed.pageIds[1]!);
    const server = await startCollabProcess({
      databaseUrl: harness.db.url,
      redisPrefix: harness.prefix,
    });
    const client = connectClient(
      server.url,
      documentName,
      await harness.token(harness.seed.users.owner),
    );
    await vi.waitFor(() => expect(client.synced()).toBe(true), { timeout: 10_000 });
    appendParagraph(client.doc, 'saved before the deploy');
    await vi.waitFor(() => expect(client.provider.hasUnsyncedChanges).toBe(false));
    expect((await measureLog(harness.db.orm, documentName)).rows).toBeGreaterThan(0);

    await server.kill('SIGTERM');
    expect(server.child.exitCode).toBe(0);
    expect(client.closes).toContain(GoingAway.code);
    expect((await measureLog(harness.db.orm, documentName)).rows).toBe(0);
    client.destroy();

    const restarted = await startCollabProcess({
      databaseUrl: harness.db.url,
      redisPrefix: harness.prefix,
    });
    const reader = connectClient(
      restarted.url,
      documentName,
      await harness.token(harness.seed.users.owner),
    );
    await vi.waitFor(() => expect(reader.synced()).toBe(true), { timeout: 10_000 });
    expect(textOf(reader.doc)).toBe('saved before the deploy');
    reader.destroy();
    await restarted.kill('SIGKILL');
  }, 30_000);
});

import { randomBytes } from 'node:crypto';
import { MessageTooBig } from '@hocuspocus/common';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { MalformedMessage } from '../close-events.ts';
import { pageDocumentName } from '../document-name.ts';
import { loadDocumentState } from '../storage/document-store.ts';
import {
  connectClient,
  createHarness,
  type Harness,
  type RunningCollab,
  type TestClient,
} from '../test-support/harness.ts';
import { appendParagraph, textOf } from '../test-support/page-edits.ts';

const MAX_MESSAGE_BYTES = 32 * 1024;
let harness: Harness;
let node: RunningCollab;
let documentName: string;
let a: TestClient;
let b: TestClient;
const others: TestClient[] = [];
const retry = { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 };

beforeAll(async () => {
  harness = await createHarness('badinput');
  node = await harness.start({ maxMessageBytes: MAX_MESSAGE_BYTES });
  documentName = pageDocumentName(harness.seed.pageIds[0]!);
  a = connectClient(node.url, documentName, await harness.token(harness.seed.users.owner));
  b = connectClient(node.url, documentName, await harness.token(harness.seed.users.editor));
  await vi.waitFor(() => expect(a.synced() && b.synced()).toBe(true));
  appendParagraph(a.doc, 'before the attack');
  await vi.waitFor(() => expect(textOf(b.doc)).toBe('before the attack'));
});
afterEach(() => {
  for (const client of others.splice(0)) client.destroy();
});
afterAll(async () => {
  a?.destroy();
  b?.destroy();
  await harness?.close();
});

interface RawSocket {
  ws: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
}

async function openRaw(url = node.url): Promise<RawSocket> {
  const ws = new WebSocket(url);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  return { ws, closed };
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

async function authenticatedRaw(): Promise<RawSocket> {
  const raw = await openRaw();
  const token = await harness.token(harness.seed.users.editor);
  raw.ws.send(
    message((e) => {
      encoding.writeVarString(e, documentName);
      encoding.writeVarUint(e, 2); // Auth
      encoding.writeVarUint(e, 0); // Token
      encoding.writeVarString(e, token);
    }),
  );
  return raw;
}

/** The editors still work together and storage holds their text (the document is unharmed). */
async function expectEditorsUnharmed(line: string) {
  appendParagraph(b.doc, line);
  await vi.waitFor(() => expect(textOf(a.doc)).toBe(textOf(b.doc)));
  await vi.waitFor(() =>
    expect(a.provider.hasUnsyncedChanges || b.provider.hasUnsyncedChanges).toBe(false),
  );
  expect(textOf(a.doc)).toContain('before the attack');
  expect(textOf(a.doc)).toContain(line);
  const stored = new Y.Doc();
  Y.applyUpdate(
    stored,
    await loadDocumentState(harness.db.orm, documentName, retry, harness.deps.log),
  );
  expect(textOf(stored)).toBe(textOf(a.doc));
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
}

describe('bad input on the socket', () => {
  it('closes a connection sending random bytes, with a reason', async () => {
    const raw = await openRaw();
    raw.ws.send(randomBytes(512));
    expect(await raw.closed).toEqual({
      code: MalformedMessage.code,
      reason: MalformedMessage.reason,
    });
    await expectEditorsUnharmed('after random bytes');
  });

  it('closes an authenticated connection sending a sync message with a garbage update', async () => {
    const raw = await authenticatedRaw();
    raw.ws.send(
      message((e) => {
        encoding.writeVarString(e, documentName);
        encoding.writeVarUint(e, 0); // Sync
        encoding.writeVarUint(e, 2); // Update
        encoding.writeVarUint8Array(e, Buffer.alloc(64, 0xff)); // not decodable as a Yjs update
      }),
    );
    expect(await raw.closed).toEqual({
      code: MalformedMessage.code,
      reason: MalformedMessage.reason,
    });
    await expectEditorsUnharmed('after a garbage update');
  });

  it('closes a connection sending a frame larger than the limit (1009)', async () => {
    const raw = await authenticatedRaw();
    raw.ws.send(randomBytes(MAX_MESSAGE_BYTES + 1));
    expect((await raw.closed).code).toBe(MessageTooBig.code);
    await expectEditorsUnharmed('after an oversized frame');
  });

  it('closes a connection sending text frames and server-internal message types', async () => {
    const text = await openRaw();
    text.ws.send('hello');
    expect((await text.closed).code).toBe(MalformedMessage.code);
    const internal = await authenticatedRaw();
    internal.ws.send(
      message((e) => {
        encoding.writeVarString(e, documentName);
        encoding.writeVarUint(e, 6); // BroadcastStateless: only nodes send it to each other
        encoding.writeVarString(e, 'spoofed');
      }),
    );
    expect((await internal.closed).code).toBe(MalformedMessage.code);
    await expectEditorsUnharmed('after internal messages');
  });

  it('refuses connections past the per-document limit', async () => {
    const limited = await harness.start({ maxConnectionsPerDocument: 2 });
    const name = pageDocumentName(harness.seed.pageIds[1]!);
    const token = await harness.token(harness.seed.users.editor);
    const first = connectClient(limited.url, name, token);
    const second = connectClient(limited.url, name, token);
    others.push(first, second);
    await vi.waitFor(() => expect(first.synced() && second.synced()).toBe(true));
    const third = connectClient(limited.url, name, token);
    others.push(third);
    await vi.waitFor(() => expect(third.refusals).toEqual(['too-many-connections']));
  });

  it('throttles connection attempts per client address (429)', async () => {
    const throttled = await harness.start({
      connectionAttempts: { max: 3, windowMs: 60_000, exemptLoopback: false },
    });
    const sockets = await Promise.all([1, 2, 3].map(() => openRaw(throttled.url)));
    await expect(openRaw(throttled.url)).rejects.toThrow('HTTP 429');
    for (const socket of sockets) socket.ws.close();
  });
});

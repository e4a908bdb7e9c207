import { Forbidden, Unauthorized } from '@hocuspocus/common';
import { revokeAccessToken, revokeUserAccessTokens, signAccessToken } from '@pluma/auth';
import { publishWorkAccessChanged } from '@pluma/queue';
import { TEST_JWT_SECRET } from '@pluma/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
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

let harness: Harness;
let node: RunningCollab;
let documentName: string;
const clients: TestClient[] = [];
const retry = { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 };

function connect(token: string | (() => Promise<string>), name = documentName): TestClient {
  const client = connectClient(node.url, name, token);
  clients.push(client);
  return client;
}

async function storedText(name = documentName): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await loadDocumentState(harness.db.orm, name, retry, harness.deps.log));
  return textOf(doc);
}

beforeAll(async () => {
  harness = await createHarness('auth');
  node = await harness.start();
  documentName = pageDocumentName(harness.seed.pageIds[0]!);
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await harness?.close();
});

describe('authorization', () => {
  it('lets owners and editors write', async () => {
    const owner = connect(await harness.token(harness.seed.users.owner));
    await vi.waitFor(() => expect(owner.synced()).toBe(true));
    expect(owner.provider.authorizedScope).toBe('read-write');
    appendParagraph(owner.doc, 'written by the owner');
    await vi.waitFor(() => expect(owner.provider.hasUnsyncedChanges).toBe(false));
    expect(await storedText()).toContain('written by the owner');
  });

  it('lets a viewer read but never applies nor stores their edits', async () => {
    const owner = connect(await harness.token(harness.seed.users.owner));
    const viewer = connect(await harness.token(harness.seed.users.viewer));
    await vi.waitFor(() => expect(owner.synced() && viewer.synced()).toBe(true));
    expect(viewer.provider.authorizedScope).toBe('readonly');
    const before = await storedText();
    expect(textOf(viewer.doc)).toBe(before);

    appendParagraph(viewer.doc, 'a viewer tried to write');
    // Messages of a connection are handled in order: once the owner sees the viewer's next
    // message (an awareness change), the edit before it has been handled (and refused).
    viewer.provider.setAwarenessField('marker', 'after-edit');
    await vi.waitFor(() =>
      expect(
        [...owner.provider.awareness!.getStates().values()].some(
          (state) => state.marker === 'after-edit',
        ),
      ).toBe(true),
    );
    expect(viewer.provider.hasUnsyncedChanges).toBe(true);
    expect(textOf(owner.doc)).toBe(before);
    expect(await storedText()).toBe(before);
  });

  it('refuses a stranger, an unknown page and a document that is not a page', async () => {
    const stranger = connect(await harness.token(harness.seed.users.stranger));
    const unknownPage = connect(
      await harness.token(harness.seed.users.owner),
      pageDocumentName(999_999),
    );
    const notAPage = connect(await harness.token(harness.seed.users.owner), 'work:1');
    await vi.waitFor(() => {
      expect(stranger.refusals).toEqual(['forbidden']);
      expect(unknownPage.refusals).toEqual(['not-found']);
      expect(notAPage.refusals).toEqual(['not-found']);
    });
    expect(stranger.doc.getXmlFragment('default').length).toBe(0);
  });

  it('refuses an expired, a tampered, a foreign and a revoked token', async () => {
    const expired = (await signAccessToken(TEST_JWT_SECRET, harness.seed.users.owner, -10)).token;
    const valid = await harness.token(harness.seed.users.owner);
    const [header, payload, signature] = valid.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: String(harness.seed.users.editor) })).toString('base64url')}.${signature}`;
    const foreign = (
      await signAccessToken('another-secret-of-at-least-32-chars!!', harness.seed.users.owner)
    ).token;
    const revoked = await signAccessToken(TEST_JWT_SECRET, harness.seed.users.owner);
    await revokeAccessToken(harness.redis, revoked.claims, harness.prefix);

    const clientsByCase = {
      'token-expired': connect(expired),
      'token-invalid': connect(tampered),
      foreign: connect(foreign),
      'token-revoked': connect(revoked.token),
      'token-missing': connect(''),
    };
    await vi.waitFor(() => {
      expect(clientsByCase['token-expired'].refusals).toEqual(['token-expired']);
      expect(clientsByCase['token-invalid'].refusals).toEqual(['token-invalid']);
      expect(clientsByCase.foreign.refusals).toEqual(['token-invalid']);
      expect(clientsByCase['token-revoked'].refusals).toEqual(['token-revoked']);
      expect(clientsByCase['token-missing'].refusals).toEqual(['token-missing']);
    });
  });

  it('closes a removed collaborator within a second on the access channel, then refuses them', async () => {
    const editor = connect(await harness.token(harness.seed.users.editor));
    await vi.waitFor(() => expect(editor.synced()).toBe(true));
    await harness.setRole(harness.seed.users.editor, null);
    await publishWorkAccessChanged(
      harness.redis,
      { workId: harness.seed.workId, userId: harness.seed.users.editor, role: null },
      harness.prefix,
    );
    await vi.waitFor(() => expect(editor.closes).toContain(Forbidden.code), { timeout: 1000 });
    await vi.waitFor(() => expect(editor.refusals).toContain('forbidden'));
    await harness.setRole(harness.seed.users.editor, 'editor');
  });

  it('reconnects a collaborator whose role was lowered as read-only', async () => {
    const editor = connect(await harness.token(harness.seed.users.editor));
    await vi.waitFor(() => expect(editor.synced()).toBe(true));
    expect(editor.provider.authorizedScope).toBe('read-write');
    await harness.setRole(harness.seed.users.editor, 'viewer');
    await publishWorkAccessChanged(
      harness.redis,
      { workId: harness.seed.workId, userId: harness.seed.users.editor, role: 'viewer' },
      harness.prefix,
    );
    await vi.waitFor(() => expect(editor.closes).toContain(Forbidden.code), { timeout: 1000 });
    await vi.waitFor(() =>
      expect(editor.synced() && editor.provider.authorizedScope === 'readonly').toBe(true),
    );
    await harness.setRole(harness.seed.users.editor, 'editor');
  });

  it('closes the connections of a token revoked at logout', async () => {
    const session = await signAccessToken(TEST_JWT_SECRET, harness.seed.users.owner);
    const owner = connect(session.token);
    await vi.waitFor(() => expect(owner.synced()).toBe(true));
    await revokeAccessToken(harness.redis, session.claims, harness.prefix);
    await vi.waitFor(() => expect(owner.closes).toContain(Unauthorized.code), { timeout: 1000 });
    await vi.waitFor(() => expect(owner.refusals).toContain('token-revoked'));
  });

  it('closes every connection of a user whose tokens were all revoked (password change), then refuses them', async () => {
    const session = await signAccessToken(TEST_JWT_SECRET, harness.seed.users.editor);
    const editor = connect(session.token);
    const owner = connect(await harness.token(harness.seed.users.owner));
    await vi.waitFor(() => expect(editor.synced() && owner.synced()).toBe(true));
    await revokeUserAccessTokens(harness.redis, harness.seed.users.editor, harness.prefix);
    await vi.waitFor(() => expect(editor.closes).toContain(Unauthorized.code), { timeout: 1000 });
    await vi.waitFor(() => expect(editor.refusals).toContain('token-revoked'));
    // Another user's connection is untouched, and a token issued afterwards is accepted.
    expect(owner.closes).toEqual([]);
    const fresh = connect(await harness.token(harness.seed.users.editor));
    await vi.waitFor(() => expect(fresh.synced()).toBe(true));
  });

  it('refreshes the token over the open connection, and closes one whose token runs out', async () => {
    const first = await signAccessToken(TEST_JWT_SECRET, harness.seed.users.owner, 2);
    let refreshed: string | undefined;
    const renewing = connect(async () => {
      if (refreshed === undefined) {
        refreshed = '';
        return first.token;
      }
      refreshed = await harness.token(harness.seed.users.owner);
      return refreshed;
    });
    const expiring = connect(first.token);
    await vi.waitFor(() => expect(renewing.synced() && expiring.synced()).toBe(true));
    // The server asks for a fresh token before expiry (within its lead time) and takes it.
    await vi.waitFor(() => expect(refreshed).toBeTruthy(), { timeout: 5000 });
    // Past the first token's expiry: the one that never renewed is closed and refused, the other stays.
    await vi.waitFor(() => expect(expiring.closes).toContain(Unauthorized.code), { timeout: 5000 });
    await vi.waitFor(() => expect(expiring.refusals).toContain('token-expired'));
    expect(renewing.closes).toEqual([]);
    appendParagraph(renewing.doc, 'still writing after the first token expired');
    await vi.waitFor(() => expect(renewing.provider.hasUnsyncedChanges).toBe(false));
    expect(await storedText()).toContain('still writing after the first token expired');
  });
});

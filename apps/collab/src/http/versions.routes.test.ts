import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { pageDocumentName } from '../document-name.ts';
import { loadDocumentState } from '../storage/document-store.ts';
import {
  connectClient,
  createHarness,
  type Harness,
  type RunningCollab,
} from '../test-support/harness.ts';
import { appendParagraph, textOf } from '../test-support/page-edits.ts';

let harness: Harness;
let node: RunningCollab;
let pageId: number;
const retry = { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 };

beforeAll(async () => {
  harness = await createHarness('versions');
  node = await harness.start();
  pageId = harness.seed.pageIds[0]!;
});
afterAll(async () => {
  await harness?.close();
});

async function call(method: string, path: string, userId: number | null, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (userId !== null) headers.authorization = `Bearer ${await harness.token(userId)}`;
  const res = await fetch(`${node.httpUrl}/collab/pages/${pageId}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('named versions', () => {
  it('creates, lists, shows and restores a version as a new edit every editor receives', async () => {
    const { owner, editor } = harness.seed.users;
    const a = connectClient(node.url, pageDocumentName(pageId), await harness.token(owner));
    const b = connectClient(node.url, pageDocumentName(pageId), await harness.token(editor));
    await vi.waitFor(() => expect(a.synced() && b.synced()).toBe(true));
    appendParagraph(a.doc, 'First draft.');
    await vi.waitFor(() => expect(a.provider.hasUnsyncedChanges).toBe(false));

    const created = await call('POST', '/versions', owner, { name: 'Draft 1' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Draft 1',
      createdBy: { id: owner, displayName: 'owner' },
    });

    appendParagraph(b.doc, 'Second thoughts.');
    await vi.waitFor(() => expect(textOf(a.doc)).toBe('First draft.\n\nSecond thoughts.'));

    const shown = await call('GET', `/versions/${created.body.id}`, owner);
    expect(shown.status).toBe(200);
    expect(shown.body.text).toBe('First draft.');
    expect(shown.body.content).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First draft.' }] }],
    });

    const restored = await call('POST', `/versions/${created.body.id}/restore`, editor);
    expect(restored.status).toBe(200);
    await vi.waitFor(() => {
      expect(textOf(a.doc)).toBe('First draft.');
      expect(textOf(b.doc)).toBe('First draft.');
    });
    const stored = new Y.Doc();
    Y.applyUpdate(
      stored,
      await loadDocumentState(harness.db.orm, pageDocumentName(pageId), retry, harness.deps.log),
    );
    expect(textOf(stored)).toBe('First draft.');

    // Editing continues on top of the restore.
    appendParagraph(b.doc, 'Third try.');
    await vi.waitFor(() => expect(textOf(a.doc)).toBe('First draft.\n\nThird try.'));

    const list = await call('GET', '/versions', harness.seed.users.viewer);
    expect(list.status).toBe(200);
    const versions = list.body.versions as { id: number; name: string }[];
    expect(versions.map((v) => v.name)).toEqual(['Before restoring “Draft 1”', 'Draft 1']);
    const backup = await call('GET', `/versions/${versions[0]!.id}`, harness.seed.users.viewer);
    expect(backup.body.text).toBe('First draft.\n\nSecond thoughts.');
    a.destroy();
    b.destroy();
  });

  it('pages through versions newest first', async () => {
    for (const name of ['v1', 'v2', 'v3'])
      expect((await call('POST', '/versions', harness.seed.users.owner, { name })).status).toBe(
        201,
      );
    const first = await call('GET', '/versions?limit=2', harness.seed.users.owner);
    expect((first.body.versions as { name: string }[]).map((v) => v.name)).toEqual(['v3', 'v2']);
    const second = await call(
      'GET',
      `/versions?limit=2&before=${first.body.nextBefore}`,
      harness.seed.users.owner,
    );
    expect((second.body.versions as { name: string }[])[0]!.name).toBe('v1');
  });

  it('answers problems for missing tokens, other roles, strangers, unknown pages and bad input', async () => {
    const { owner, viewer, stranger } = harness.seed.users;
    expect((await call('GET', '/versions', null)).status).toBe(401);
    expect((await call('POST', '/versions', viewer, { name: 'mine' })).status).toBe(403);
    expect((await call('GET', '/versions', stranger)).status).toBe(403);
    expect((await call('POST', '/versions', owner, { name: '' })).status).toBe(400);
    expect((await call('GET', '/versions/999999', owner)).status).toBe(404);
    expect((await call('POST', '/versions/999999/restore', owner)).status).toBe(404);
    const res = await fetch(`${node.httpUrl}/collab/pages/999999/versions`, {
      headers: { authorization: `Bearer ${await harness.token(owner)}` },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers the health probes', async () => {
    expect((await fetch(`${node.httpUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${node.httpUrl}/readyz`);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { mysql: 'ok', redis: 'ok' },
    });
  });
});

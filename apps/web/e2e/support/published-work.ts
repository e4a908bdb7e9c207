// A published work with real text, made as a writer makes one: the work and its pages through the
// API, each page's words typed into its Yjs document through the collab server (as the editor
// does), then published. The collab server acknowledges an edit only once it is stored, so when
// the provider has no unsynced changes left the text is there for publishing to freeze.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { vi } from 'vitest';
import * as Y from 'yjs';
import type { Account } from './accounts.ts';
import { origin } from './origin.ts';

export interface PageContent {
  title: string;
  paragraphs: string[];
}

export interface PublishedWork {
  workId: number;
  title: string;
  pageIds: number[];
}

/** Types `paragraphs` into page `pageId` as `author` and waits until the server stored them. */
export async function writePage(author: Account, pageId: number, paragraphs: string[]) {
  const doc = new Y.Doc();
  let synced = false;
  const socket = new HocuspocusProviderWebsocket({
    url: `${origin().replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `page:${pageId}`,
    document: doc,
    token: author.accessToken,
    onSynced: ({ state }) => {
      synced = state;
    },
  });
  provider.attach();
  try {
    await vi.waitFor(
      () => {
        if (!synced) throw new Error(`page:${pageId} did not sync`);
      },
      { timeout: 20_000, interval: 50 },
    );
    doc.transact(() => {
      const fragment = doc.getXmlFragment('default');
      for (const text of paragraphs) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(text)]);
        fragment.push([paragraph]);
      }
    });
    await vi.waitFor(
      () => {
        if (provider.hasUnsyncedChanges) throw new Error(`page:${pageId} has unsynced changes`);
      },
      { timeout: 20_000, interval: 50 },
    );
  } finally {
    provider.destroy();
    socket.destroy();
    doc.destroy();
  }
}

/** Creates, fills and publishes a work owned by `author`. */
export async function publishWork(
  author: Account,
  work: { title: string; description?: string; genre?: string; pages: PageContent[] },
): Promise<PublishedWork> {
  const created = await author.api<{ id: number }>('POST', '/works', {
    title: work.title,
    ...(work.description ? { description: work.description } : {}),
    ...(work.genre ? { genre: work.genre } : {}),
  });
  const pageIds: number[] = [];
  for (const page of work.pages) {
    const made = await author.api<{ id: number }>('POST', `/works/${created.id}/pages`, {
      title: page.title,
    });
    pageIds.push(made.id);
    if (page.paragraphs.length > 0) await writePage(author, made.id, page.paragraphs);
  }
  await author.api('POST', `/works/${created.id}/publish`);
  return { workId: created.id, title: work.title, pageIds };
}

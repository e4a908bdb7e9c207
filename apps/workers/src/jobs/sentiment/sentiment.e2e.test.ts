// The whole path as a writer sees it: type in a page through a real collab process, stop, and the
// page's sentiment arrives in the editor as a stateless message (collab's idle job -> BullMQ ->
// this handler -> MySQL + collab:sentiment -> the collab node -> the provider).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { PageSentiment } from '@pluma/db';
import type { PageSentimentScored } from '@pluma/queue';
import { PAGE_FRAGMENT, pageDocToText } from '@pluma/text';
import { TEST_JWT_SECRET, testRedisUrl } from '@pluma/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { startSentimentHarness, type SentimentHarness } from './test-support/sentiment-harness.ts';

// A sibling app run as a process, the way it runs in production (not imported).
const COLLAB_MAIN = fileURLToPath(new URL('../../../../collab/src/main.ts', import.meta.url));

let h: SentimentHarness;
let collab: ChildProcess;
let collabUrl: string;

/** Starts the collab server on port 0 with this file's database and prefixes; resolves with its URL. */
function startCollab(
  databaseUrl: string,
  prefix: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [COLLAB_MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: prefix,
      QUEUE_PREFIX: `${prefix}bull`,
      JWT_SECRET: TEST_JWT_SECRET,
      COLLAB_PORT: '0',
      COLLAB_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MIGRATE_ON_START: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.includes('"collab listening"'));
      if (line)
        resolve({
          child,
          url: `ws://127.0.0.1:${(JSON.parse(line) as { port: number }).port}/collab`,
        });
    });
    child.once('exit', (code) =>
      reject(new Error(`collab exited during start-up (${code}):\n${output}`)),
    );
  });
}

beforeAll(async () => {
  h = await startSentimentHarness('sentiment-e2e');
  ({ child: collab, url: collabUrl } = await startCollab(h.db.url, h.prefix));
});
afterAll(async () => {
  if (collab && collab.exitCode === null) {
    const exited = new Promise((resolve) => collab.once('exit', resolve));
    collab.kill('SIGTERM');
    await exited;
  }
  await h?.close();
});

describe('sentence sentiment in the editor', () => {
  it('reaches the writer’s open editor after they stop typing', async () => {
    const page = await h.createPage([]);
    const doc = new Y.Doc();
    const received: ({ type: string } & PageSentimentScored)[] = [];
    const socket = new HocuspocusProviderWebsocket({
      url: collabUrl,
      WebSocketPolyfill: WebSocket,
      delay: 50,
      minDelay: 50,
      maxDelay: 500,
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: `page:${page.id}`,
      document: doc,
      token: h.owner.token,
      onStateless: ({ payload }) =>
        received.push(JSON.parse(payload) as { type: string } & PageSentimentScored),
    });
    provider.attach();
    try {
      await vi.waitFor(() => expect(provider.isSynced).toBe(true), { timeout: 10_000 });
      const text = new Y.XmlText();
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [text]);
      doc.getXmlFragment(PAGE_FRAGMENT).insert(0, [paragraph]);
      for (const word of 'What a wonderful, joyful morning. Then the news was terrible.'.split(
        /(?= )/,
      ))
        text.insert(text.length, word);
      expect(pageDocToText(doc)).toBe(
        'What a wonderful, joyful morning. Then the news was terrible.',
      );

      const message = await vi.waitFor(
        () => {
          const found = received.find(
            (m) => m.type === 'sentiment' && m.pageId === page.id && m.sentences.length === 2,
          );
          if (!found) throw new Error(`no sentiment yet (${received.length} stateless messages)`);
          return found;
        },
        { timeout: 20_000, interval: 100 },
      );
      expect(message.sentences.map((s) => [s.text, s.label])).toEqual([
        ['What a wonderful, joyful morning.', 'positive'],
        ['Then the news was terrible.', 'negative'],
      ]);
      // What the editor was told is what the API will answer.
      const stored = await h.db.orm.em.fork().findOneOrFail(PageSentiment, { page: page.id });
      expect(stored.sentences).toEqual(message.sentences);
    } finally {
      provider.destroy();
      socket.destroy();
    }
  });
});

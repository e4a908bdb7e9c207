import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publishPageSentiment, type PageSentimentScored } from '@pluma/queue';
import { pageDocumentName } from '../document-name.ts';
import {
  connectClient,
  createHarness,
  type Harness,
  type RunningCollab,
  type TestClient,
} from '../test-support/harness.ts';
import type { SentimentStateless } from './sentiment-relay-extension.ts';

/** Generous: the test machine may be busy, and nothing here waits longer than it must. */
const WAIT = { timeout: 10_000, interval: 20 };

let harness: Harness;
let one: RunningCollab;
let two: RunningCollab;

beforeAll(async () => {
  harness = await createHarness('sentrelay');
  [one, two] = await Promise.all([harness.start(), harness.start()]);
});
afterAll(async () => {
  await harness?.close();
});

/** Every stateless message a client receives, parsed. */
function statelessOf(client: TestClient): SentimentStateless[] {
  const received: SentimentStateless[] = [];
  client.provider.on('stateless', ({ payload }: { payload: string }) =>
    received.push(JSON.parse(payload) as SentimentStateless),
  );
  return received;
}

const result = (pageId: number, text: string): PageSentimentScored => ({
  pageId,
  textHash: 'c'.repeat(64),
  updatedAt: new Date().toISOString(),
  sentences: [
    { hash: 'd'.repeat(64), text, start: 0, end: text.length, score: 0.75, label: 'positive' },
  ],
});

describe('sentiment results reach the open editors', () => {
  it('delivers a page’s result once to each of its editors on every node, and to nobody else', async () => {
    const [first, second] = harness.seed.pageIds as [number, number];
    const a = connectClient(
      one.url,
      pageDocumentName(first),
      await harness.token(harness.seed.users.owner),
    );
    const b = connectClient(
      two.url,
      pageDocumentName(first),
      await harness.token(harness.seed.users.viewer),
    );
    const c = connectClient(
      one.url,
      pageDocumentName(second),
      await harness.token(harness.seed.users.editor),
    );
    const [atA, atB, atC] = [statelessOf(a), statelessOf(b), statelessOf(c)];
    await vi.waitFor(() => expect(a.synced() && b.synced() && c.synced()).toBe(true), WAIT);

    await harness.redis.publish(`${harness.prefix}collab:sentiment`, '{"not":"a result"}');
    await publishPageSentiment(harness.redis, result(first, 'Lovely.'), harness.prefix);
    await publishPageSentiment(harness.redis, result(first, 'Lovelier.'), harness.prefix);
    for (const received of [atA, atB]) {
      await vi.waitFor(
        () => expect(received.map((m) => m.sentences[0]?.text)).toContain('Lovelier.'),
        WAIT,
      );
      // Once each: a node does not pass the message on to the other nodes as well.
      expect(received.map((m) => m.sentences[0]?.text)).toEqual(['Lovely.', 'Lovelier.']);
      expect(received[0]).toEqual({
        type: 'sentiment',
        ...result(first, 'Lovely.'),
        updatedAt: received[0]!.updatedAt,
      });
    }
    expect(atC).toEqual([]);
    for (const client of [a, b, c]) client.destroy();
  });
});

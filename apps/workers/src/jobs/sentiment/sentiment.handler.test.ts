// sentiment.score against a real MySQL and Redis: pages written to yjs_update as collab stores
// them, a real BullMQ worker, and the result read back from the tables and the Redis channel.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Page, PageSentiment, SentenceSentiment } from '@pluma/db';
import {
  PageSentimentScoredSchema,
  SENTIMENT_CHANNEL,
  type PageSentimentScored,
} from '@pluma/queue';
import type { Redis } from '@pluma/runtime';
import { startSentimentHarness, type SentimentHarness } from './test-support/sentiment-harness.ts';

let h: SentimentHarness;
let subscriber: Redis;
const published: PageSentimentScored[] = [];

beforeAll(async () => {
  h = await startSentimentHarness('sentiment');
  subscriber = h.redis.duplicate();
  await subscriber.connect();
  await subscriber.subscribe(h.prefix + SENTIMENT_CHANNEL, (raw) =>
    published.push(PageSentimentScoredSchema.parse(JSON.parse(raw))),
  );
});
afterAll(async () => {
  await subscriber?.close();
  await h?.close();
});

async function storedResult(pageId: number) {
  const row = await h.db.orm.em.fork().findOneOrFail(PageSentiment, { page: pageId });
  return row.sentences;
}

describe('sentiment.score', () => {
  it('scores clearly positive sentences above zero and clearly negative ones below, sentence by sentence', async () => {
    const page = await h.createPage([
      'What a wonderful, happy day. I love this beautiful garden!',
      'The service was terrible and the food was awful.',
      'The train leaves at noon',
    ]);
    const { outcome } = await h.run(page.id);
    expect(outcome).toEqual({ pageId: page.id, sentences: 4, scored: 4 });

    const sentences = await storedResult(page.id);
    expect(sentences.map((s) => [s.text, s.label])).toEqual([
      ['What a wonderful, happy day.', 'positive'],
      ['I love this beautiful garden!', 'positive'],
      ['The service was terrible and the food was awful.', 'negative'],
      ['The train leaves at noon', 'neutral'],
    ]);
    expect(sentences[0]!.score).toBeGreaterThan(0);
    expect(sentences[2]!.score).toBeLessThan(0);
    expect(sentences[3]!.score).toBe(0);
    // Offsets locate each sentence in the page's plain text (paragraphs joined by a blank line).
    const plain =
      'What a wonderful, happy day. I love this beautiful garden!\n\nThe service was terrible and the food was awful.\n\nThe train leaves at noon';
    for (const s of sentences) expect(plain.slice(s.start, s.end)).toBe(s.text);

    await vi.waitFor(
      () => expect(published.find((m) => m.pageId === page.id)?.sentences).toEqual(sentences),
      { timeout: 10_000 },
    );
  });

  it('does not score a sentence again once its hash is known, on this page or another', async () => {
    const page = await h.createPage(['I am glad you came. This is a disaster.']);
    await h.run(page.id);
    const em = h.db.orm.em.fork();
    const before = await em.find(SentenceSentiment, {}, { orderBy: { id: 'asc' } });
    const calls = h.scored.length;

    // Same text again: nothing scored, same rows, same stored result.
    const firstResult = await storedResult(page.id);
    const again = await h.run(page.id);
    expect(again.outcome).toMatchObject({ sentences: 2, scored: 0 });
    expect(h.scored.length).toBe(calls);
    expect(await storedResult(page.id)).toEqual(firstResult);

    // One new sentence: only it is scored; the old rows keep their scored_at.
    await page.appendParagraph('Nobody expected the ending.');
    const edited = await h.run(page.id);
    expect(edited.outcome).toMatchObject({ sentences: 3, scored: 1 });
    expect(h.scored.slice(calls)).toEqual(['Nobody expected the ending.']);
    const after = await h.db.orm.em
      .fork()
      .find(
        SentenceSentiment,
        { id: { $in: before.map((r) => r.id) } },
        { orderBy: { id: 'asc' } },
      );
    expect(after.map((r) => [r.sentenceHash, r.scoredAt.getTime()])).toEqual(
      before.map((r) => [r.sentenceHash, r.scoredAt.getTime()]),
    );

    // Another page sharing a sentence reuses its score.
    const other = await h.createPage(['This is a disaster.']);
    expect((await h.run(other.id)).outcome).toMatchObject({ sentences: 1, scored: 0 });
  });

  it('stores an empty result for a page nobody has typed in', async () => {
    const page = await h.createPage([]);
    expect((await h.run(page.id)).outcome).toMatchObject({ sentences: 0, scored: 0 });
    expect(await storedResult(page.id)).toEqual([]);
  });

  it('gives up at once, unrecoverably, when the page was deleted', async () => {
    const page = await h.createPage(['Gone before it was read.']);
    await h.db.orm.em.fork().nativeDelete(Page, { id: page.id });
    const { job, failedReason } = await h.run(page.id);
    expect(failedReason).toBe(`page ${page.id} does not exist`);
    expect(job.attemptsMade).toBe(1);
    expect((job.stacktrace ?? []).join('\n')).toContain('UnrecoverableError');
  });
});

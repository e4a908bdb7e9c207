import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from 'redis';
import { testRedisPrefix, testRedisUrl } from '@pluma/testing';
import {
  PageSentimentScoredSchema,
  SENTIMENT_CHANNEL,
  publishPageSentiment,
  type PageSentimentScored,
} from './sentiment-channel.ts';

const prefix = testRedisPrefix('sentiment-channel');
const publisher = createClient({ url: testRedisUrl() });
const subscriber = publisher.duplicate();
const received: string[] = [];

const message: PageSentimentScored = {
  pageId: 3,
  textHash: 'a'.repeat(64),
  updatedAt: new Date().toISOString(),
  sentences: [
    { hash: 'b'.repeat(64), text: 'I love it.', start: 0, end: 10, score: 1, label: 'positive' },
  ],
};

beforeAll(async () => {
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(prefix + SENTIMENT_CHANNEL, (raw) => received.push(raw));
});
afterAll(async () => {
  await Promise.all([publisher.close(), subscriber.close()]);
});

describe('sentiment channel', () => {
  it('carries a validated result under the given prefix', async () => {
    await publishPageSentiment(publisher, message, prefix);
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 10_000 });
    expect(PageSentimentScoredSchema.parse(JSON.parse(received[0]!))).toEqual(message);
  });

  it('refuses to publish a malformed result', async () => {
    const bad = {
      ...message,
      sentences: [{ ...message.sentences[0]!, label: 'ecstatic' }],
    } as unknown as PageSentimentScored;
    await expect(publishPageSentiment(publisher, bad, prefix)).rejects.toThrow();
  });
});

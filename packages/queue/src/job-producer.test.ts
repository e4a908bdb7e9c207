import { afterAll, describe, expect, it } from 'vitest';
import { testRedisPrefix, testRedisUrl } from '@pluma/testing';
import { createJobProducer } from './job-producer.ts';
import { enqueueSentimentScore } from './enqueue-sentiment-score.ts';
import { WorkAccessChangedSchema } from './work-access-channel.ts';

const producer = createJobProducer({ redisUrl: testRedisUrl(), prefix: testRedisPrefix('queue') });

afterAll(async () => {
  await producer.queue('sentiment').obliterate({ force: true });
  await producer.close();
});

describe('job producer', () => {
  it('coalesces sentiment.score requests for the same page while one waits', async () => {
    await enqueueSentimentScore(producer, 7);
    await enqueueSentimentScore(producer, 7);
    await enqueueSentimentScore(producer, 8);
    const jobs = await producer.queue('sentiment').getJobs(['waiting']);
    expect(jobs.map((job) => job.name)).toEqual(['sentiment.score', 'sentiment.score']);
    expect(jobs.map((job) => job.data.pageId).sort()).toEqual([7, 8]);
  });

  it('refuses a payload that does not match the job schema', async () => {
    await expect(producer.enqueue('sentiment.score', { pageId: -1 })).rejects.toThrow();
  });

  it('validates work access messages', () => {
    expect(WorkAccessChangedSchema.safeParse({ workId: 1, userId: 2, role: null }).success).toBe(
      true,
    );
    expect(WorkAccessChangedSchema.safeParse({ workId: 1, userId: 2, role: 'admin' }).success).toBe(
      false,
    );
  });
});

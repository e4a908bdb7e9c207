import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Page, PageSentiment, Work, type ScoredSentence } from '@pluma/db';
import type { TestUser } from '@pluma/testing';
import { startWorksTestApp, type WorksTestApp } from '../works/works-test-app.ts';

interface SentimentJson {
  pageId: number;
  updatedAt: string | null;
  counts: Record<'positive' | 'negative' | 'neutral', number>;
  sentences: ScoredSentence[];
}

const sentences: ScoredSentence[] = [
  { hash: 'a'.repeat(64), text: 'I love it.', start: 0, end: 10, score: 1.5, label: 'positive' },
  { hash: 'b'.repeat(64), text: 'It rained.', start: 11, end: 21, score: 0, label: 'neutral' },
  { hash: 'c'.repeat(64), text: 'Awful day.', start: 23, end: 33, score: -1.5, label: 'negative' },
];

describe('GET /v1/pages/:id/sentiment', () => {
  let t: WorksTestApp;
  let owner: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let workId: number;
  let pageId: number;

  beforeAll(async () => {
    t = await startWorksTestApp('sentiment');
    [owner, viewer, stranger] = await Promise.all([t.user(), t.user(), t.user()]);
    workId = (
      (await (await t.call(owner, 'POST', '/v1/works', { title: 'Moods' })).json()) as {
        id: number;
      }
    ).id;
    pageId = (
      (await (
        await t.call(owner, 'POST', `/v1/works/${workId}/pages`, { title: 'One' })
      ).json()) as { id: number }
    ).id;
    const added = await t.call(owner, 'POST', `/v1/works/${workId}/collaborators`, {
      handle: viewer.handle,
      role: 'viewer',
    });
    expect(added.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (who: TestUser | undefined, id = pageId) => {
    const res = await t.call(who, 'GET', `/v1/pages/${id}/sentiment`);
    return { status: res.status, body: (await res.json()) as SentimentJson };
  };

  it('answers an empty result before the page is first scored', async () => {
    expect(await get(owner)).toEqual({
      status: 200,
      body: {
        pageId,
        updatedAt: null,
        counts: { positive: 0, negative: 0, neutral: 0 },
        sentences: [],
      },
    });
  });

  it('gives collaborators the stored result, sentences in page order with their counts', async () => {
    const em = t.db.orm.em.fork();
    const updatedAt = new Date('2026-01-02T03:04:05.000Z');
    em.create(PageSentiment, {
      page: em.getReference(Page, pageId),
      textHash: 'e'.repeat(64),
      sentences,
      updatedAt,
    });
    await em.flush();
    for (const who of [owner, viewer]) {
      const { status, body } = await get(who);
      expect(status).toBe(200);
      expect(body).toEqual({
        pageId,
        updatedAt: updatedAt.toISOString(),
        counts: { positive: 1, negative: 1, neutral: 1 },
        sentences,
      });
    }
  });

  it('answers 404 to anybody else, even once the work is published, and 401 without a token', async () => {
    expect((await get(stranger)).status).toBe(404);
    await t.db.orm.em.fork().nativeUpdate(Work, { id: workId }, { publishedAt: new Date() });
    const { status, body } = await get(stranger);
    expect(status).toBe(404);
    expect(JSON.stringify(body)).not.toContain('love');
    expect((await get(undefined)).status).toBe(401);
    expect((await get(owner, 999_999)).status).toBe(404);
  });
});

// search.index against a real MySQL and Redis: a real BullMQ worker copies works, published pages
// and authors into search_documents, and a retry or a late run stores the same rows.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Worker } from 'bullmq';
import { PublishedPage, SearchDocument, User, Work, WorkCollaborator, Page } from '@pluma/db';
import { createJobProducer, enqueueSearchIndex, type JobProducer } from '@pluma/queue';
import { createLogger } from '@pluma/telemetry/logger';
import {
  createTestDatabase,
  createTestUser,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
  type TestUser,
} from '@pluma/testing';
import { createSearchIndexWorker } from './search-index.worker.ts';

let db: TestDatabase;
let producer: JobProducer;
let worker: Worker;
let owner: TestUser;
const prefix = `${testRedisPrefix('searchidx')}bull`;

beforeAll(async () => {
  db = await createTestDatabase('searchidx');
  producer = createJobProducer({ redisUrl: testRedisUrl(), prefix });
  worker = createSearchIndexWorker(
    { orm: db.orm, log: createLogger({ service: 'workers-test', level: 'silent' }) },
    { redisUrl: testRedisUrl(), prefix, concurrency: 2 },
  );
  owner = await createTestUser(db.orm, { handle: 'indexed_owner', displayName: 'Olga Owner' });
});
afterAll(async () => {
  await worker?.close();
  await producer?.queue('search').obliterate({ force: true });
  await producer?.close();
  await db?.drop();
});

async function documents() {
  const rows = await db.orm.em.fork().find(SearchDocument, {}, { orderBy: { refKey: 'asc' } });
  return rows.map((r) => [r.refKey, r.title, r.body]);
}

async function runJob(target: 'work' | 'author', id: number) {
  const jobId = await enqueueSearchIndex(producer, { target, id });
  await vi.waitFor(
    async () => expect(await producer.queue('search').getJobState(jobId!)).toBe('completed'),
    { timeout: 10_000, interval: 50 },
  );
}

describe('search.index', () => {
  it('indexes a draft by title and description, then its published pages, and drops them on unpublish', async () => {
    const em = db.orm.em.fork();
    const user = em.getReference(User, owner.id);
    const work = em.create(Work, {
      owner: user,
      title: 'Tide tables',
      description: 'Notes from the shore',
    });
    em.create(WorkCollaborator, { work, user, role: 'owner' });
    const page = em.create(Page, { work, title: 'Low water' });
    await em.flush();

    await runJob('work', work.id);
    expect(await documents()).toEqual([
      [`author:${owner.id}`, 'Olga Owner', 'indexed_owner'],
      [`work:${work.id}`, 'Tide tables', 'Notes from the shore'],
    ]);

    const publishedAt = new Date();
    em.create(PublishedPage, {
      page,
      work,
      title: 'Low water',
      position: 0,
      json: {},
      html: '',
      text: 'The sea went out.',
      publishedAt,
    });
    work.publishedAt = publishedAt;
    await em.flush();
    await runJob('work', work.id);
    await runJob('work', work.id); // again: the same rows
    expect(await documents()).toEqual([
      [`author:${owner.id}`, 'Olga Owner', 'indexed_owner'],
      [`page:${page.id}`, 'Low water', 'The sea went out.'],
      [`work:${work.id}`, 'Tide tables', 'Notes from the shore'],
    ]);

    await em.nativeDelete(PublishedPage, { work: work.id });
    await em.nativeUpdate(Work, { id: work.id }, { publishedAt: null });
    await runJob('work', work.id);
    expect((await documents()).map(([key]) => key)).toEqual([
      `author:${owner.id}`,
      `work:${work.id}`,
    ]);

    await em.nativeDelete(Work, { id: work.id });
    await runJob('work', work.id);
    expect((await documents()).map(([key]) => key)).toEqual([`author:${owner.id}`]);
  });

  it('removes an author once the account is deleted', async () => {
    await db.orm.em.fork().nativeUpdate(User, { id: owner.id }, { deletedAt: new Date() });
    await runJob('author', owner.id);
    expect(await documents()).toEqual([]);
  });
});

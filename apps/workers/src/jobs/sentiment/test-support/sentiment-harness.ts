// Test support for sentence sentiment: a database and queue prefix of the test file's own, pages
// whose bodies are written to yjs_update exactly as collab stores acknowledged edits, and a real
// BullMQ worker running the handler.
import type { Job, Worker } from 'bullmq';
import { vi } from 'vitest';
import { Page, User, Work, WorkCollaborator, YjsUpdate } from '@pluma/db';
import { createJobProducer, enqueueSentimentScore, type JobProducer } from '@pluma/queue';
import { connectRedis, type Redis } from '@pluma/runtime';
import { createLogger } from '@pluma/telemetry/logger';
import { PAGE_FRAGMENT, pageJSONToDoc } from '@pluma/text';
import {
  createTestDatabase,
  createTestUser,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
  type TestUser,
} from '@pluma/testing';
import * as Y from 'yjs';
import { createAfinnScorer, type SentenceScorer } from '../score-sentence.ts';
import type { SentimentOutcome } from '../sentiment.handler.ts';
import { createSentimentWorker } from '../sentiment.worker.ts';

export interface TestPage {
  id: number;
  workId: number;
  doc: Y.Doc;
  /** Appends a paragraph holding `text` and stores just that edit in the page's log. */
  appendParagraph(text: string): Promise<void>;
}

export interface SentimentHarness {
  db: TestDatabase;
  redis: Redis;
  /** Prefix of this file's Redis channels; its BullMQ queues live under `${prefix}bull`. */
  prefix: string;
  producer: JobProducer;
  owner: TestUser;
  /** Every sentence the scorer was asked to score, in order. */
  scored: string[];
  /** Creates a page of a new work owned by `owner`, its body the given paragraphs (none: never edited). */
  createPage(paragraphs: string[]): Promise<TestPage>;
  /** Enqueues `sentiment.score` for the page and waits for the job to finish or fail. */
  run(pageId: number): Promise<{ job: Job; outcome?: SentimentOutcome; failedReason?: string }>;
  close(): Promise<void>;
}

/** Starts a sentiment worker whose scorer is the real AFINN one, recording each sentence it scores. */
export async function startSentimentHarness(label: string): Promise<SentimentHarness> {
  const db = await createTestDatabase(label);
  const redis = await connectRedis(testRedisUrl());
  const prefix = testRedisPrefix(label);
  const producer = createJobProducer({ redisUrl: testRedisUrl(), prefix: `${prefix}bull` });
  const owner = await createTestUser(db.orm);
  const scored: string[] = [];
  const afinn = createAfinnScorer();
  const scorer: SentenceScorer = (sentence) => {
    scored.push(sentence);
    return afinn(sentence);
  };
  const log = createLogger({ service: 'workers-test', level: 'silent' });
  const worker: Worker = createSentimentWorker(
    { orm: db.orm, redis, channelPrefix: prefix, log, scorer },
    { redisUrl: testRedisUrl(), prefix: `${prefix}bull`, concurrency: 2 },
  );

  const store = async (pageId: number, update: Uint8Array) => {
    const em = db.orm.em.fork();
    em.create(YjsUpdate, { documentName: `page:${pageId}`, update: Buffer.from(update) });
    await em.flush();
  };

  return {
    db,
    redis,
    prefix,
    producer,
    owner,
    scored,
    async createPage(paragraphs) {
      const em = db.orm.em.fork();
      const user = em.getReference(User, owner.id);
      const work = em.create(Work, { owner: user, title: 'Moods' });
      em.create(WorkCollaborator, { work, user, role: 'owner' });
      const page = em.create(Page, { work, title: 'A page' });
      await em.flush();
      // A page nobody has typed in yet has no Yjs rows at all.
      const doc =
        paragraphs.length === 0
          ? new Y.Doc()
          : pageJSONToDoc({
              type: 'doc',
              content: paragraphs.map((text) => ({
                type: 'paragraph',
                content: [{ type: 'text', text }],
              })),
            });
      if (paragraphs.length > 0) await store(page.id, Y.encodeStateAsUpdate(doc));
      return {
        id: page.id,
        workId: work.id,
        doc,
        async appendParagraph(text) {
          const before = Y.encodeStateVector(doc);
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(text)]);
          const fragment = doc.getXmlFragment(PAGE_FRAGMENT);
          fragment.insert(fragment.length, [paragraph]);
          await store(page.id, Y.encodeStateAsUpdate(doc, before));
        },
      };
    },
    async run(pageId) {
      const jobId = await enqueueSentimentScore(producer, pageId);
      return vi.waitFor(
        async () => {
          // State first: a job read before it finished would carry no return value yet.
          const state = await producer.queue('sentiment').getJobState(jobId!);
          const job = await producer.queue('sentiment').getJob(jobId!);
          if (!job || (state !== 'completed' && state !== 'failed'))
            throw new Error(`job ${jobId} is ${state}`);
          return state === 'completed'
            ? { job, outcome: job.returnvalue as SentimentOutcome }
            : { job, failedReason: job.failedReason };
        },
        { timeout: 15_000, interval: 50 },
      );
    },
    async close() {
      await worker.close();
      await producer
        .queue('sentiment')
        .obliterate({ force: true })
        .catch(() => undefined);
      await producer.close();
      await redis.close();
      await db.drop();
    },
  };
}

import { createHash } from 'node:crypto';
import { UnrecoverableError, type Job } from 'bullmq';
import { Page, PageSentiment, type MikroORM, type ScoredSentence } from '@pluma/db';
import {
  SentimentScoreJobSchema,
  publishPageSentiment,
  type PageSentimentScored,
  type Publisher,
} from '@pluma/queue';
import type { Logger } from '@pluma/telemetry/logger';
import { readPageText } from './read-page-text.ts';
import { createAfinnScorer, type SentenceScorer } from './score-sentence.ts';
import { splitSentences } from './split-sentences.ts';
import { storeSentenceScores } from './store-sentence-scores.ts';

export interface SentimentHandlerDeps {
  orm: MikroORM;
  /** Publishes the result on SENTIMENT_CHANNEL for the collab nodes. */
  redis: Publisher;
  /** Prefix of the channel name: REDIS_PREFIX, the same the collab nodes subscribe with. */
  channelPrefix: string;
  log: Logger;
  /** The sentence scorer; the AFINN-165 one when absent. */
  scorer?: SentenceScorer;
}

/** What a run answers (kept as the BullMQ job's return value). */
export interface SentimentOutcome {
  pageId: number;
  sentences: number;
  /** Sentences scored by this run; the rest were known by their hash. */
  scored: number;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Processor of `sentiment.score`: reads the page's stored text, splits it into sentences, scores
 * the ones never seen before, replaces the page's result and pushes it to the page's editors.
 * Running it again on the same text stores and sends the same result.
 */
export function createSentimentHandler(deps: SentimentHandlerDeps) {
  const scorer = deps.scorer ?? createAfinnScorer();
  return async (job: Job): Promise<SentimentOutcome> => {
    const parsed = SentimentScoreJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('sentiment.score payload is invalid');
    const { pageId } = parsed.data;
    const log = deps.log.child({ jobId: job.id, pageId, attempt: job.attemptsMade + 1 });
    const em = deps.orm.em.fork();
    if (!(await em.count(Page, { id: pageId }))) throw pageGone(pageId);

    const plain = await readPageText(em, pageId);
    const spans = splitSentences(plain);
    const texts = new Map(spans.map((span) => [sha256(span.text), span.text]));
    const { scores, scored } = await storeSentenceScores(em, texts, scorer);
    const sentences: ScoredSentence[] = spans.map((span) => {
      const hash = sha256(span.text);
      const { score, label } = scores.get(hash)!;
      return { hash, text: span.text, start: span.start, end: span.end, score, label };
    });

    const result: PageSentimentScored = {
      pageId,
      textHash: sha256(plain),
      updatedAt: new Date().toISOString(),
      sentences,
    };
    try {
      await em.upsert(
        PageSentiment,
        {
          page: pageId,
          textHash: result.textHash,
          sentences,
          updatedAt: new Date(result.updatedAt),
        },
        { onConflictFields: ['page'], onConflictAction: 'merge', onConflictExcludeFields: ['id'] },
      );
    } catch (error) {
      // The page was deleted while it was being scored: its foreign key is gone.
      if (!(await em.count(Page, { id: pageId }))) throw pageGone(pageId);
      throw error;
    }
    await publishPageSentiment(deps.redis, result, deps.channelPrefix);
    log.info({ sentences: sentences.length, scored }, 'page sentiment scored');
    return { pageId, sentences: sentences.length, scored };
  };
}

function pageGone(pageId: number): UnrecoverableError {
  return new UnrecoverableError(`page ${pageId} does not exist`);
}

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Page } from './page.entity.ts';
import type { SentimentLabel } from './sentence-sentiment.entity.ts';

/** One scored sentence of a page, located in the page's plain text (UTF-16 offsets). */
export interface ScoredSentence {
  hash: string;
  text: string;
  /** Offsets in the page's plain text (pageDocToText): text === plain.slice(start, end). */
  start: number;
  end: number;
  score: number;
  label: SentimentLabel;
}

/** The latest sentiment of a page's sentences, replaced whole each time the page is scored. */
export const PageSentiment = defineEntity({
  name: 'PageSentiment',
  tableName: 'page_sentiment',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    page: () => p.oneToOne(Page).owner().unique().deleteRule('cascade'),
    /** SHA-256 of the plain text scored, to tell whether a result is still current. */
    textHash: p.string().length(64),
    sentences: p.json<ScoredSentence[]>(),
    updatedAt: p.datetime(),
  },
});
export type PageSentiment = InferEntity<typeof PageSentiment>;

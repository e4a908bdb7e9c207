import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const SENTIMENT_LABELS = ['positive', 'negative', 'neutral'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/**
 * The score of one sentence, keyed by the SHA-256 of its text: a sentence seen before (on any
 * page) is not scored again. Holds no text, only the hash.
 */
export const SentenceSentiment = defineEntity({
  name: 'SentenceSentiment',
  tableName: 'sentence_sentiment',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    /** Lowercase hex SHA-256 of the sentence's text. */
    sentenceHash: p.string().length(64).unique(),
    /** Valence per word (AFINN-165 sum / tokens): below 0 negative, above 0 positive. */
    score: p.double().$type<number>().runtimeType('number'),
    label: p.enum(SENTIMENT_LABELS),
    scoredAt: p.datetime(),
  },
});
export type SentenceSentiment = InferEntity<typeof SentenceSentiment>;

import Sentiment from 'sentiment';
import type { SentimentLabel } from '@pluma/db';

/** A sentence's valence: `score` per word (negative below 0), and its label. */
export interface SentenceScore {
  score: number;
  label: SentimentLabel;
}

/** Scores one sentence. */
export type SentenceScorer = (sentence: string) => SentenceScore;

/**
 * The AFINN-165 lexicon scorer of the `sentiment` package (with its negation handling:
 * "not good" counts against). `score` is the comparative score — the sum of word valences
 * (-5..5 each) divided by the number of words — rounded to 4 decimals, so it is comparable
 * between short and long sentences and identical on every run.
 */
export function createAfinnScorer(): SentenceScorer {
  const analyzer = new Sentiment();
  return (sentence) => {
    const result = analyzer.analyze(sentence);
    const score = Number.isFinite(result.comparative)
      ? Math.round(result.comparative * 10_000) / 10_000
      : 0;
    const label: SentimentLabel =
      result.score > 0 ? 'positive' : result.score < 0 ? 'negative' : 'neutral';
    return { score: Object.is(score, -0) ? 0 : score, label };
  };
}

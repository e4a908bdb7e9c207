import type { z } from '@hono/zod-openapi';
import type { PageSentiment } from '@pluma/db';
import type { PageSentimentSchema } from './sentiment.schema.ts';

/** A page's latest sentiment: every sentence in page order, and how many carry each label. */
export function presentPageSentiment(
  pageId: number,
  result: PageSentiment | null,
): z.infer<typeof PageSentimentSchema> {
  const sentences = result?.sentences ?? [];
  const counts = { positive: 0, negative: 0, neutral: 0 };
  for (const sentence of sentences) counts[sentence.label] += 1;
  return {
    pageId,
    updatedAt: result ? result.updatedAt.toISOString() : null,
    counts,
    sentences: sentences.map(({ hash, text, start, end, score, label }) => ({
      hash,
      text,
      start,
      end,
      score,
      label,
    })),
  };
}

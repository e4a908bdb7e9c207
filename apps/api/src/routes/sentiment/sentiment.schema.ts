import { z } from '@hono/zod-openapi';

export const ScoredSentenceSchema = z
  .object({
    hash: z
      .string()
      .openapi({ description: 'SHA-256 (hex) of the sentence text; scores are cached by it' }),
    text: z.string(),
    start: z
      .number()
      .int()
      .openapi({ description: 'UTF-16 offset of the sentence in the page’s plain text' }),
    end: z.number().int().openapi({ description: 'UTF-16 offset just past the sentence' }),
    score: z
      .number()
      .openapi({ description: 'AFINN-165 valence per word: below 0 negative, above 0 positive' }),
    label: z.enum(['positive', 'negative', 'neutral']),
  })
  .openapi('ScoredSentence');

export const PageSentimentSchema = z
  .object({
    pageId: z.number().int(),
    updatedAt: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'When the page was last scored; null if never' }),
    counts: z.object({
      positive: z.number().int(),
      negative: z.number().int(),
      neutral: z.number().int(),
    }),
    sentences: z.array(ScoredSentenceSchema),
  })
  .openapi('PageSentiment');

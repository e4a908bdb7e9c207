import { z } from 'zod';
import type { Publisher } from './work-access-channel.ts';

/**
 * Redis pub/sub channel carrying a page's freshly scored sentences from the workers to every
 * collab node; the node holding `page:<pageId>` open passes it to that page's editors.
 */
export const SENTIMENT_CHANNEL = 'collab:sentiment';

export const ScoredSentenceSchema = z.object({
  /** Lowercase hex SHA-256 of the sentence's text. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  text: z.string(),
  /** UTF-16 offsets in the page's plain text. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  score: z.number(),
  label: z.enum(['positive', 'negative', 'neutral']),
});

export const PageSentimentScoredSchema = z.object({
  pageId: z.number().int().positive(),
  /** SHA-256 of the plain text that was scored. */
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  updatedAt: z.iso.datetime(),
  sentences: z.array(ScoredSentenceSchema),
});
export type PageSentimentScored = z.infer<typeof PageSentimentScoredSchema>;

/** Announces a page's new sentiment result to every collab node. */
export async function publishPageSentiment(
  redis: Publisher,
  message: PageSentimentScored,
  prefix = '',
): Promise<void> {
  await redis.publish(
    prefix + SENTIMENT_CHANNEL,
    JSON.stringify(PageSentimentScoredSchema.parse(message)),
  );
}

import { z } from '@hono/zod-openapi';

export { CursorQuerySchema } from '../follows/follows.schema.ts';

export const FeedItemSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    genre: z.string().nullable().openapi({ description: 'Genre slug' }),
    publishedAt: z.iso.datetime(),
    owner: z.object({ handle: z.string(), displayName: z.string() }),
  })
  .openapi('FeedItem');

export const FeedSchema = z
  .object({
    works: z.array(FeedItemSchema).openapi({ description: 'Newest publication first' }),
    nextCursor: z.string().nullable(),
  })
  .openapi('Feed');

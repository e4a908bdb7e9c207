import { z } from '@hono/zod-openapi';
import { GenreSchema } from '../works/works.schema.ts';

export const SaveProgressBodySchema = z
  .strictObject({
    pageId: z
      .number({ error: 'must be a page id' })
      .int('must be a page id')
      .positive('must be a page id'),
    position: z
      .number({ error: 'must be a character offset (an integer ≥ 0)' })
      .int('must be a character offset (an integer ≥ 0)')
      .min(0, 'must be a character offset (an integer ≥ 0)')
      .max(100_000_000, 'must be at most 100000000'),
  })
  .openapi('SaveProgress');

export const ReadingListQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, 'must be the nextCursor of a previous page')
    .optional()
    .openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce
    .number({ error: 'must be an integer from 1 to 50' })
    .int('must be an integer from 1 to 50')
    .min(1, 'must be an integer from 1 to 50')
    .max(50, 'must be an integer from 1 to 50')
    .default(20),
});

export const ProgressSchema = z
  .object({
    work: z.object({
      id: z.number().int(),
      title: z.string(),
      genre: GenreSchema.nullable(),
      owner: z.object({ id: z.number().int(), handle: z.string(), displayName: z.string() }),
    }),
    page: z.object({ id: z.number().int(), title: z.string() }),
    position: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('ReadingProgress');

export const SavedProgressSchema = z
  .object({
    workId: z.number().int(),
    pageId: z.number().int(),
    position: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('SavedReadingProgress');

export const ReadingListSchema = z
  .object({ items: z.array(ProgressSchema), nextCursor: z.string().nullable() })
  .openapi('ReadingList');

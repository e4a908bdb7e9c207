import { z } from '@hono/zod-openapi';

export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 50;
export const SEARCH_QUERY_MAX = 200;

const TYPES = ['works', 'pages', 'authors'] as const;
export type SearchType = (typeof TYPES)[number];

export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(SEARCH_QUERY_MAX, `must be at most ${SEARCH_QUERY_MAX} characters`)
    .openapi({
      description:
        'Words to find (at most 10); the last one also matches as the start of a word. Case and accents are ignored.',
      example: 'lighthouse keep',
    }),
  type: z
    .enum(TYPES, { error: 'must be one of works, pages, authors' })
    .optional()
    .openapi({ description: 'Only this kind of result; all kinds when absent' }),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be the nextCursor of a previous page')
    .optional()
    .openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce
    .number({ error: `must be an integer from 1 to ${SEARCH_LIMIT_MAX}` })
    .int(`must be an integer from 1 to ${SEARCH_LIMIT_MAX}`)
    .min(1, `must be an integer from 1 to ${SEARCH_LIMIT_MAX}`)
    .max(SEARCH_LIMIT_MAX, `must be an integer from 1 to ${SEARCH_LIMIT_MAX}`)
    .default(SEARCH_LIMIT_DEFAULT),
});

export const SearchResultSchema = z
  .object({
    type: z.enum(['work', 'page', 'author']),
    id: z.number().int().openapi({ description: "The work's, page's or user's id" }),
    workId: z.number().int().nullable(),
    workTitle: z
      .string()
      .nullable()
      .openapi({ description: 'The title of the work a page belongs to' }),
    title: z.string(),
    titleHtml: z
      .string()
      .openapi({ description: 'The title as escaped HTML, matching words in <mark>' }),
    snippet: z.string().openapi({
      description: 'Escaped HTML excerpt around the first match, matching words in <mark>',
    }),
    author: z.object({ handle: z.string(), displayName: z.string() }).nullable(),
    score: z
      .number()
      .openapi({ description: 'Relevance; higher first. Comparable within one query only' }),
  })
  .openapi('SearchResult');

export const SearchResultListSchema = z
  .object({ items: z.array(SearchResultSchema), nextCursor: z.string().nullable() })
  .openapi('SearchResultList');

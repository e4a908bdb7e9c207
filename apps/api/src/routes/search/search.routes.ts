import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { SearchKind } from '@pluma/db';
import { searchDocuments } from '../../commands/search-documents.ts';
import { createSearchPoolCache } from '../../commands/search-pool-cache.ts';
import type { ApiDeps } from '../../deps.ts';
import type { ApiEnv } from '../../http/env.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { presentSearchHit } from './search.presenter.ts';
import { SearchQuerySchema, SearchResultListSchema, type SearchType } from './search.schema.ts';

/** Signed in or not: everybody finds published content, collaborators their drafts too. */
const optionalAuth: Record<string, string[]>[] = [{}, { bearerAuth: [] }];
const KINDS: Record<SearchType, SearchKind> = { works: 'work', pages: 'page', authors: 'author' };

const searchRoute = createRoute({
  method: 'get',
  path: '/search',
  tags: ['Search'],
  summary:
    'Full-text search of published works, pages and authors (and the caller’s drafts), most relevant first',
  security: optionalAuth,
  request: { query: SearchQuerySchema },
  responses: {
    200: {
      description: 'One page of results',
      content: { 'application/json': { schema: SearchResultListSchema } },
    },
    ...problemResponses(400, 401),
  },
});

/** GET /search: who may see what is the command's business (see search-documents.ts). */
export function createSearchRoutes(_deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  // Frequent queries' public candidates for 10 s: a new match may show that late, never a hidden one.
  const cache = createSearchPoolCache({ ttlMs: 10_000, maxEntries: 1000 });
  app.openapi(searchRoute, async (c) => {
    const { q, type, cursor, limit } = c.req.valid('query');
    const kinds = type ? [KINDS[type]] : Object.values(KINDS);
    const page = await searchDocuments(
      c.get('em'),
      c.get('auth')?.userId,
      { q, kinds, cursor, limit },
      cache,
    );
    return c.json(
      {
        items: page.hits.map((hit) => presentSearchHit(hit, page.terms)),
        nextCursor: page.nextCursor,
      },
      200,
    );
  });
  return app;
}

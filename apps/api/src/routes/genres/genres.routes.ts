import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { listGenres } from '../../commands/list-genres.ts';
import type { ApiDeps } from '../../deps.ts';
import type { ApiEnv } from '../../http/env.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { GenreSchema } from '../works/works.schema.ts';
import { presentGenre } from './genres.presenter.ts';

const GenreListSchema = z.object({ items: z.array(GenreSchema) }).openapi('GenreList');

const listGenresRoute = createRoute({
  method: 'get',
  path: '/genres',
  tags: ['Works'],
  summary: 'The genres a work can be filed under (a fixed list; public)',
  responses: {
    200: {
      description: 'Every genre, by name',
      content: { 'application/json': { schema: GenreListSchema } },
    },
  },
});

/** The list of genres: public, no policy (there is nothing to hide). */
export function createGenresRoutes(_deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.openapi(listGenresRoute, async (c) => {
    const genres = await listGenres(c.get('em'));
    c.header('cache-control', 'public, max-age=3600');
    return c.json({ items: genres.map(presentGenre) }, 200);
  });
  return app;
}

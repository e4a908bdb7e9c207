import type { EntityManager } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import { Genre } from '@pluma/db';

/** The genre with this slug; a 400 naming the field when there is none. */
export async function resolveGenre(em: EntityManager, slug: string): Promise<Genre> {
  const genre = await em.findOne(Genre, { slug });
  if (!genre) {
    const message = `unknown genre "${slug}"; see GET /v1/genres`;
    throw new AppError('request.invalid', `genre: ${message}`, {
      errors: [{ path: 'genre', message }],
    });
  }
  return genre;
}

import type { EntityManager } from '@mikro-orm/mysql';
import { Genre } from '@pluma/db';

/** Every genre (a short, fixed list seeded by a migration), by name. */
export async function listGenres(em: EntityManager): Promise<Genre[]> {
  return em.find(Genre, {}, { orderBy: { name: 'asc' } });
}

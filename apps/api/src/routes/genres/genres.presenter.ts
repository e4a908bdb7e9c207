import type { Genre } from '@pluma/db';

/** A genre as the API shows it (the slug is what works refer to). */
export function presentGenre(genre: Genre): { slug: string; name: string } {
  return { slug: genre.slug, name: genre.name };
}

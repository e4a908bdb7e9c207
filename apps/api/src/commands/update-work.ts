import type { EntityManager } from '@mikro-orm/mysql';
import type { WorkAccess } from '../routes/works/works.policy.ts';
import type { UpdateWorkBody } from '../routes/works/works.schema.ts';
import { resolveGenre } from './resolve-genre.ts';

/** Changes a work's title, description or genre (null clears the latter two). */
export async function updateWork(
  em: EntityManager,
  access: WorkAccess,
  input: UpdateWorkBody,
): Promise<WorkAccess> {
  const { work } = access;
  if (input.title !== undefined) work.title = input.title;
  if (input.description !== undefined) work.description = input.description;
  if (input.genre !== undefined)
    work.genre = input.genre === null ? null : await resolveGenre(em, input.genre);
  await em.flush();
  return access;
}

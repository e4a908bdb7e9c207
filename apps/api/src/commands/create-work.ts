import type { EntityManager } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import { User, Work, WorkCollaborator } from '@pluma/db';
import type { WorkAccess } from '../routes/works/works.policy.ts';
import type { CreateWorkBody } from '../routes/works/works.schema.ts';
import { resolveGenre } from './resolve-genre.ts';

/** Creates a draft work; its creator becomes its owner (a collaborator row with role owner). */
export async function createWork(
  em: EntityManager,
  userId: number,
  input: CreateWorkBody,
): Promise<WorkAccess> {
  const genre = input.genre ? await resolveGenre(em, input.genre) : null;
  const owner = await em.findOne(User, userId);
  if (!owner)
    throw new AppError(
      'auth.token_invalid',
      'The account this token was issued for no longer exists.',
    );
  const work = em.create(Work, {
    owner,
    title: input.title,
    description: input.description ?? null,
    genre,
    coverKey: null,
    publishedAt: null,
  });
  em.create(WorkCollaborator, { work, user: owner, role: 'owner' });
  await em.flush();
  return { work, role: 'owner' };
}

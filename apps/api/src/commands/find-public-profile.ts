import type { EntityManager } from '@mikro-orm/mysql';
import { User, Work, WorkCollaborator, type WorkRole } from '@pluma/db';
import { AppError } from '@pluma/errors';

/** At most this many published works are listed on a profile, newest first. */
export const PROFILE_WORKS_LIMIT = 50;

export interface PublicProfile {
  user: User;
  works: { work: Work; role: WorkRole }[];
}

/** A user's public profile by handle with the published works they own or co-write; 404 for unknown or deleted users. */
export async function findPublicProfile(em: EntityManager, handle: string): Promise<PublicProfile> {
  const user = await em.findOne(User, { handle, deletedAt: null });
  if (!user) throw new AppError('resource.not_found', `No user has the handle "${handle}".`);
  const memberships = await em.find(
    WorkCollaborator,
    { user: user.id },
    { fields: ['work', 'role'] },
  );
  const roles = new Map(memberships.map((m) => [m.work.id, m.role]));
  const works = await em.find(
    Work,
    { publishedAt: { $ne: null }, $or: [{ owner: user.id }, { id: { $in: [...roles.keys()] } }] },
    { orderBy: { publishedAt: 'desc', id: 'desc' }, limit: PROFILE_WORKS_LIMIT },
  );
  return {
    user,
    works: works.map((work) => ({
      work,
      role: work.owner.id === user.id ? 'owner' : (roles.get(work.id) ?? 'viewer'),
    })),
  };
}

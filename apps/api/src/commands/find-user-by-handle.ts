import type { EntityManager } from '@mikro-orm/mysql';
import { User } from '@pluma/db';
import { AppError } from '@pluma/errors';

/** A live (not deleted) user by handle; 404 otherwise. */
export async function findUserByHandle(em: EntityManager, handle: string): Promise<User> {
  const user = await em.findOne(User, { handle: handle.toLowerCase(), deletedAt: null });
  if (!user) throw new AppError('resource.not_found', `No user has the handle "${handle}".`);
  return user;
}

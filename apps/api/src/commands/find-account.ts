import type { EntityManager } from '@mikro-orm/mysql';
import { User } from '@pluma/db';
import { AppError } from '@pluma/errors';

/** The signed-in user's own account; 404 when it has been deleted since the token was issued. */
export async function findAccount(em: EntityManager, userId: number): Promise<User> {
  const user = await em.findOne(User, { id: userId, deletedAt: null });
  if (!user) throw new AppError('resource.not_found', 'This account no longer exists.');
  return user;
}

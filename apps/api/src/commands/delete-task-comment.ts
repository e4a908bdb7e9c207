import type { EntityManager } from '@mikro-orm/mysql';
import type { TaskComment } from '@pluma/db';

/** Deletes a comment (its author's). */
export async function deleteTaskComment(em: EntityManager, comment: TaskComment): Promise<void> {
  em.remove(comment);
  await em.flush();
}

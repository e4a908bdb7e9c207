import type { EntityManager } from '@mikro-orm/mysql';
import type { TaskComment } from '@pluma/db';

/** Rewrites a comment (its author's). */
export async function updateTaskComment(
  em: EntityManager,
  comment: TaskComment,
  body: string,
): Promise<void> {
  comment.body = body;
  await em.flush();
}

import type { EntityManager } from '@mikro-orm/mysql';
import { TaskComment, User, type MentorshipTask } from '@pluma/db';

/** Adds a comment to a task, by one of the relation's parties. */
export async function createTaskComment(
  em: EntityManager,
  task: MentorshipTask,
  authorId: number,
  body: string,
): Promise<TaskComment> {
  const comment = em.create(TaskComment, { task, author: em.getReference(User, authorId), body });
  await em.flush();
  await em.populate(comment, ['author']);
  return comment;
}

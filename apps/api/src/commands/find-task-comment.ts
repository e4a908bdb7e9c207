import type { EntityManager } from '@mikro-orm/mysql';
import { TaskComment, type MentorshipTask } from '@pluma/db';
import { AppError } from '@pluma/errors';

/** A comment on this task (with its author); 404 when the task has no such comment. */
export async function findTaskComment(
  em: EntityManager,
  task: MentorshipTask,
  commentId: number,
): Promise<TaskComment> {
  const comment = await em.findOne(
    TaskComment,
    { id: commentId, task: task.id },
    { populate: ['author'] },
  );
  if (!comment)
    throw new AppError(
      'resource.not_found',
      `Task ${task.id} has no comment with id ${commentId}.`,
    );
  return comment;
}

import type { EntityManager } from '@mikro-orm/mysql';
import { MentorshipTask, type Mentorship } from '@pluma/db';
import { AppError } from '@pluma/errors';

/** A task of this relation (with its creator); 404 when the relation has no such task. */
export async function findMentorshipTask(
  em: EntityManager,
  mentorship: Mentorship,
  taskId: number,
): Promise<MentorshipTask> {
  const task = await em.findOne(
    MentorshipTask,
    { id: taskId, mentorship: mentorship.id },
    { populate: ['createdBy'] },
  );
  if (!task)
    throw new AppError(
      'resource.not_found',
      `Mentorship ${mentorship.id} has no task with id ${taskId}.`,
    );
  return task;
}

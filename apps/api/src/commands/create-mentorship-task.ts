import type { EntityManager } from '@mikro-orm/mysql';
import { MentorshipTask, User, type Mentorship } from '@pluma/db';

/** Adds a task to a relation, set by one of its parties. */
export async function createMentorshipTask(
  em: EntityManager,
  mentorship: Mentorship,
  userId: number,
  description: string,
): Promise<MentorshipTask> {
  const task = em.create(MentorshipTask, {
    mentorship,
    createdBy: em.getReference(User, userId),
    description,
    completedAt: null,
  });
  await em.flush();
  await em.populate(task, ['createdBy']);
  return task;
}

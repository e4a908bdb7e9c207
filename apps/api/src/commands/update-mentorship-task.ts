import type { EntityManager } from '@mikro-orm/mysql';
import type { MentorshipTask } from '@pluma/db';

export interface TaskChanges {
  description?: string | undefined;
  completed?: boolean | undefined;
}

/** Rewords a task and/or marks it done (or not done again); returns whether it became done now. */
export async function updateMentorshipTask(
  em: EntityManager,
  task: MentorshipTask,
  changes: TaskChanges,
  now = new Date(),
): Promise<{ completedNow: boolean }> {
  const wasDone = task.completedAt != null;
  if (changes.description !== undefined) task.description = changes.description;
  if (changes.completed === true && !wasDone) task.completedAt = now;
  if (changes.completed === false) task.completedAt = null;
  await em.flush();
  return { completedNow: !wasDone && task.completedAt != null };
}

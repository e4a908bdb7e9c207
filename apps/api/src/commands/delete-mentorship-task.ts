import type { EntityManager } from '@mikro-orm/mysql';
import { MentorshipTask, TaskComment } from '@pluma/db';

/** Deletes a task with its comments. */
export async function deleteMentorshipTask(em: EntityManager, task: MentorshipTask): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.nativeDelete(TaskComment, { task: task.id });
    await tx.nativeDelete(MentorshipTask, { id: task.id });
  });
}

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MentorshipTask } from './mentorship-task.entity.ts';
import { User } from './user.entity.ts';

/** A comment on a mentorship task by one of the two parties; only its author changes it. */
export const TaskComment = defineEntity({
  name: 'TaskComment',
  tableName: 'task_comments',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    task: () => p.manyToOne(MentorshipTask).deleteRule('cascade'),
    author: () => p.manyToOne(User).deleteRule('cascade'),
    body: p.string().length(2000),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type TaskComment = InferEntity<typeof TaskComment>;

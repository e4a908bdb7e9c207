import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Mentorship } from './mentorship.entity.ts';
import { User } from './user.entity.ts';

/** A task of a mentorship, set by either party; done when `completedAt` is set. */
export const MentorshipTask = defineEntity({
  name: 'MentorshipTask',
  tableName: 'mentorship_tasks',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    mentorship: () => p.manyToOne(Mentorship).deleteRule('cascade'),
    createdBy: () => p.manyToOne(User).deleteRule('cascade'),
    description: p.string().length(500),
    completedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type MentorshipTask = InferEntity<typeof MentorshipTask>;

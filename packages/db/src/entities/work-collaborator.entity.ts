import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';
import { Work } from './work.entity.ts';

export const WORK_ROLES = ['owner', 'editor', 'viewer'] as const;
export type WorkRole = (typeof WORK_ROLES)[number];

/** A user's role on a work; the owner has a row too, so one lookup answers "may this user…". */
export const WorkCollaborator = defineEntity({
  name: 'WorkCollaborator',
  tableName: 'work_collaborators',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    work: () => p.manyToOne(Work).deleteRule('cascade'),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    role: p.enum(WORK_ROLES),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['work', 'user'], name: 'work_collaborators_work_user_unique' }],
});
export type WorkCollaborator = InferEntity<typeof WorkCollaborator>;

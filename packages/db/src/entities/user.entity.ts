import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A person with an account: writer, reader, mentor or mentee. */
export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    email: p.string().length(254).unique(),
    handle: p.string().length(32).unique(),
    displayName: p.string().length(100),
    passwordHash: p.string().length(255),
    emailVerifiedAt: p.datetime().nullable(),
    /** Object key of the avatar image in S3, when one was uploaded. */
    avatarKey: p.string().length(255).nullable(),
    emailOnNewFollower: p.boolean().default(true),
    emailOnNewPublication: p.boolean().default(true),
    /** E-mail me about my mentorships (requests, answers, tasks, comments). */
    emailOnMentorship: p.boolean().default(true),
    /** Mentorship profile: offers to mentor / looks for a mentor, and what about. */
    availableToMentor: p.boolean().default(false),
    needsMentoring: p.boolean().default(false),
    interests: p.string().length(500).nullable(),
    skills: p.string().length(500).nullable(),
    /** Set when the account was deleted: the row stays, anonymised, so shared content keeps its references. */
    deletedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type User = InferEntity<typeof User>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

export const MENTORSHIP_STATES = [
  'PENDING',
  'ACCEPTED',
  'REJECTED',
  'CANCELLED',
  'COMPLETED',
] as const;
export type MentorshipState = (typeof MENTORSHIP_STATES)[number];

/**
 * A mentorship relation between a mentor and a mentee, requested by one of them (`sender`).
 * A user is in at most one ACCEPTED relation: accepting locks both users' rows first (see
 * apps/api commands/accept-mentorship.ts), so concurrent accepts are serialised by the database.
 */
export const Mentorship = defineEntity({
  name: 'Mentorship',
  tableName: 'mentorships',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    mentor: () => p.manyToOne(User).deleteRule('cascade'),
    mentee: () => p.manyToOne(User).deleteRule('cascade'),
    sender: () => p.manyToOne(User).deleteRule('cascade'),
    state: p.enum(MENTORSHIP_STATES).default('PENDING'),
    endDate: p.datetime(),
    notes: p.string().length(1000).nullable(),
    acceptedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [
    { properties: ['mentor', 'state'], name: 'mentorships_mentor_state_index' },
    { properties: ['mentee', 'state'], name: 'mentorships_mentee_state_index' },
  ],
});
export type Mentorship = InferEntity<typeof Mentorship>;

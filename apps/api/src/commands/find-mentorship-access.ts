import type { EntityManager } from '@mikro-orm/mysql';
import { Mentorship } from '@pluma/db';
import {
  mentorshipNotFound,
  roleIn,
  type MentorshipAccess,
} from '../routes/mentorships/mentorships.policy.ts';

/** A relation with its parties and the caller's side of it; 404 when there is no such relation. */
export async function findMentorshipAccess(
  em: EntityManager,
  id: number,
  userId: number,
): Promise<MentorshipAccess> {
  const mentorship = await em.findOne(
    Mentorship,
    { id },
    { populate: ['mentor', 'mentee', 'sender'] },
  );
  if (!mentorship) throw mentorshipNotFound(id);
  return { mentorship, userId, role: roleIn(mentorship, userId) };
}

import type { EntityManager } from '@mikro-orm/mysql';
import { Mentorship } from '@pluma/db';
import { invalidTransition, mentorshipNotFound } from '../routes/mentorships/mentorships.policy.ts';

/** Deletes a request that is still PENDING (the sender changed their mind); 409 once it was answered. */
export async function withdrawMentorship(em: EntityManager, mentorship: Mentorship): Promise<void> {
  const deleted = await em.nativeDelete(Mentorship, { id: mentorship.id, state: 'PENDING' });
  if (deleted === 0) {
    // Gone already (a racing withdrawal), or answered meanwhile.
    if (!(await em.refresh(mentorship))) throw mentorshipNotFound(mentorship.id);
    throw invalidTransition(mentorship.state, 'withdraw');
  }
}

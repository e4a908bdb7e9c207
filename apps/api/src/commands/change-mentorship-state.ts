import type { EntityManager } from '@mikro-orm/mysql';
import { Mentorship } from '@pluma/db';
import {
  TRANSITION_TARGET,
  invalidTransition,
  mentorshipNotFound,
} from '../routes/mentorships/mentorships.policy.ts';

type SimpleTransition = Exclude<keyof typeof TRANSITION_TARGET, 'accept'>;
const FROM = { reject: 'PENDING', cancel: 'ACCEPTED', complete: 'ACCEPTED' } as const;

/**
 * Rejects, cancels or completes a relation with one conditional UPDATE (`… WHERE state = <from>`),
 * so of two racing changes only one applies and the other gets 409. None of these can make a user
 * hold two ACCEPTED relations, so no lock beyond the row's own is needed.
 */
export async function changeMentorshipState(
  em: EntityManager,
  mentorship: Mentorship,
  action: SimpleTransition,
): Promise<void> {
  const changed = await em.nativeUpdate(
    Mentorship,
    { id: mentorship.id, state: FROM[action] },
    { state: TRANSITION_TARGET[action], updatedAt: new Date() },
  );
  // Withdrawn by its sender meanwhile: gone.
  if (!(await em.refresh(mentorship))) throw mentorshipNotFound(mentorship.id);
  if (changed === 0) throw invalidTransition(mentorship.state, action);
}

import { IsolationLevel, type EntityManager } from '@mikro-orm/mysql';
import {
  alreadyInMentorship,
  assertNotExpired,
  invalidTransition,
  mentorshipNotFound,
} from '../routes/mentorships/mentorships.policy.ts';
import type { Mentorship, MentorshipState } from '@pluma/db';

/**
 * Accepts a PENDING request, keeping every user in at most one ACCEPTED relation even when
 * requests are accepted concurrently. The database guarantees it: the transaction first locks
 * both users' rows (`SELECT … FOR UPDATE`, lower id first so two accepts never deadlock), so any
 * two accepts involving a common user run one after the other; under READ COMMITTED the second
 * then sees the first one's ACCEPTED row and is refused with 409. The request's own row is locked
 * too, so a concurrent reject or withdrawal either happens first (409 here) or waits and fails.
 */
export async function acceptMentorship(
  em: EntityManager,
  mentorship: Mentorship,
  callerId: number,
  now = new Date(),
): Promise<void> {
  assertNotExpired(mentorship, now);
  const mentorId = mentorship.mentor.id;
  const menteeId = mentorship.mentee.id;
  await em.transactional(
    async (tx) => {
      await tx.execute(
        'SELECT `id` FROM `users` WHERE `id` IN (?, ?) ORDER BY `id` FOR UPDATE',
        [mentorId, menteeId],
        'all',
      );
      const [row] = await tx.execute<{ state: MentorshipState }[]>(
        'SELECT `state` FROM `mentorships` WHERE `id` = ? FOR UPDATE',
        [mentorship.id],
        'all',
      );
      // Withdrawn by its sender meanwhile.
      if (!row) throw mentorshipNotFound(mentorship.id);
      if (row.state !== 'PENDING') throw invalidTransition(row.state, 'accept');
      const [busy] = await tx.execute<{ mentor_id: number | string; mentee_id: number | string }[]>(
        "SELECT `mentor_id`, `mentee_id` FROM `mentorships` WHERE `state` = 'ACCEPTED' AND (`mentor_id` IN (?, ?) OR `mentee_id` IN (?, ?)) LIMIT 1",
        [mentorId, menteeId, mentorId, menteeId],
        'all',
      );
      if (busy) {
        const taken = [Number(busy.mentor_id), Number(busy.mentee_id)];
        const user = taken.includes(callerId)
          ? { id: callerId, handle: '' }
          : taken.includes(mentorId)
            ? mentorship.mentor
            : mentorship.mentee;
        throw alreadyInMentorship(user, callerId);
      }
      await tx.execute(
        'UPDATE `mentorships` SET `state` = ?, `accepted_at` = ?, `updated_at` = ? WHERE `id` = ?',
        ['ACCEPTED', now, now, mentorship.id],
        'run',
      );
    },
    { isolationLevel: IsolationLevel.READ_COMMITTED },
  );
  await em.refresh(mentorship);
}

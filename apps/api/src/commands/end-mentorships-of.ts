import type { EntityManager } from '@mikro-orm/mysql';
import { Mentorship } from '@pluma/db';

/**
 * Ends the open relations of a user whose account is being deleted (inside its transaction):
 * PENDING and ACCEPTED ones become CANCELLED, so the other party is free to start another
 * mentorship at once.
 */
export async function endMentorshipsOf(em: EntityManager, userId: number): Promise<void> {
  // The user's row first, like accept-mentorship.ts (users, then mentorships): the same lock
  // order, so no deadlock, and an accept waiting on this user then sees the relation CANCELLED.
  await em.execute('SELECT `id` FROM `users` WHERE `id` = ? FOR UPDATE', [userId], 'all');
  await em.nativeUpdate(
    Mentorship,
    { state: { $in: ['PENDING', 'ACCEPTED'] }, $or: [{ mentor: userId }, { mentee: userId }] },
    { state: 'CANCELLED', updatedAt: new Date() },
  );
}

import type { EntityManager } from '@mikro-orm/mysql';
import { Mentorship } from '@pluma/db';

/**
 * Ends the open relations of a user whose account is being deleted: PENDING and ACCEPTED ones
 * become CANCELLED, so the other party is free to start another mentorship at once.
 */
export async function endMentorshipsOf(em: EntityManager, userId: number): Promise<void> {
  await em.nativeUpdate(
    Mentorship,
    { state: { $in: ['PENDING', 'ACCEPTED'] }, $or: [{ mentor: userId }, { mentee: userId }] },
    { state: 'CANCELLED', updatedAt: new Date() },
  );
}

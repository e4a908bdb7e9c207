import type { EntityManager } from '@mikro-orm/mysql';
import { Mentorship, User } from '@pluma/db';
import { checkMentorshipRequest } from '../routes/mentorships/mentorships.policy.ts';
import type { CreateMentorshipBody } from '../routes/mentorships/mentorships.schema.ts';
import { findUserByHandle } from './find-user-by-handle.ts';

/**
 * Sends a mentorship request: the caller is the mentee when they name a mentor, the mentor when
 * they name a mentee. The new relation is PENDING until the other user answers.
 */
export async function requestMentorship(
  em: EntityManager,
  requesterId: number,
  body: CreateMentorshipBody,
  now = new Date(),
): Promise<Mentorship> {
  const requester = await em.findOneOrFail(User, { id: requesterId });
  const field = body.mentorHandle !== undefined ? 'mentorHandle' : 'menteeHandle';
  const other = await findUserByHandle(em, body.mentorHandle ?? body.menteeHandle ?? '');
  const [mentor, mentee] = field === 'mentorHandle' ? [other, requester] : [requester, other];
  const ids = [mentor.id, mentee.id];
  // Advisory here (a quick, precise answer); the guarantee is taken when a request is accepted.
  const current = await em.findOne(
    Mentorship,
    { state: 'ACCEPTED', $or: [{ mentor: { $in: ids } }, { mentee: { $in: ids } }] },
    { populate: ['mentor', 'mentee'] },
  );
  const busy = current
    ? [current.mentor, current.mentee].find((user) => ids.includes(user.id))
    : undefined;
  const pendingBetween =
    (await em.count(Mentorship, {
      state: 'PENDING',
      $or: [
        { mentor: mentor.id, mentee: mentee.id },
        { mentor: mentee.id, mentee: mentor.id },
      ],
    })) > 0;
  const endDate = new Date(body.endDate);
  checkMentorshipRequest({
    mentor,
    mentee,
    requesterId,
    field,
    endDate,
    now,
    busy,
    pendingBetween,
  });
  const mentorship = em.create(Mentorship, {
    mentor,
    mentee,
    sender: requester,
    state: 'PENDING',
    endDate,
    notes: body.notes || null,
    acceptedAt: null,
  });
  await em.flush();
  return mentorship;
}

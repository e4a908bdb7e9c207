import type { Mentorship, MentorshipState, TaskComment, User } from '@pluma/db';
import { AppError } from '@pluma/errors';
import { MAX_WEEKS, MIN_WEEKS } from './mentorships.schema.ts';

export type MentorshipRole = 'mentor' | 'mentee';

/** A relation as the caller sees it: the row and the caller's side of it (null: not a party). */
export interface MentorshipAccess {
  mentorship: Mentorship;
  userId: number;
  role: MentorshipRole | null;
}

/** Who may act: the sender or the receiver of the request, or either party. */
type Actor = 'sender' | 'receiver' | 'party';

/**
 * Every rule of a relation, in one table: who may do it and from which states. Accepting or
 * rejecting is the receiver's answer to a PENDING request; withdrawing (DELETE) is the sender's.
 * Either party may cancel an ACCEPTED relation (nobody is held in one) or complete it (it is a
 * shared record that the work is done; a one-sided "complete" would just be a cancel with a nicer
 * name, so it is allowed to both rather than to the mentor alone). Tasks and comments change only
 * while the relation is ACCEPTED: a finished or unanswered relation is a read-only record.
 */
const RULES = {
  read: { by: 'party', from: null },
  accept: { by: 'receiver', from: ['PENDING'] },
  reject: { by: 'receiver', from: ['PENDING'] },
  withdraw: { by: 'sender', from: ['PENDING'] },
  cancel: { by: 'party', from: ['ACCEPTED'] },
  complete: { by: 'party', from: ['ACCEPTED'] },
  writeTasks: { by: 'party', from: ['ACCEPTED'] },
} as const satisfies Record<string, { by: Actor; from: readonly MentorshipState[] | null }>;

export type MentorshipAction = keyof typeof RULES;

/** The state each transition leads to. */
export const TRANSITION_TARGET = {
  accept: 'ACCEPTED',
  reject: 'REJECTED',
  cancel: 'CANCELLED',
  complete: 'COMPLETED',
} as const satisfies Partial<Record<MentorshipAction, MentorshipState>>;

const refusals: Record<Actor, string> = {
  sender: 'Only the user who sent this request may withdraw it.',
  receiver: 'Only the user who received this request may accept or reject it.',
  party: '',
};

const verbs: Record<MentorshipAction, string> = {
  read: 'read',
  accept: 'accepted',
  reject: 'rejected',
  withdraw: 'withdrawn',
  cancel: 'cancelled',
  complete: 'completed',
  writeTasks: 'changed',
};

/** The caller's side of a relation, or null when they are not one of its two parties. */
export function roleIn(mentorship: Mentorship, userId: number): MentorshipRole | null {
  if (mentorship.mentor.id === userId) return 'mentor';
  if (mentorship.mentee.id === userId) return 'mentee';
  return null;
}

/**
 * Throws unless the caller may do `action` now: 404 for anyone but the two parties (the relation
 * is private), 403 for the wrong party, 409 when the relation is not in a state that allows it.
 */
export function authorizeMentorship(access: MentorshipAccess, action: MentorshipAction): void {
  const { mentorship, userId, role } = access;
  if (role === null) throw mentorshipNotFound(mentorship.id);
  const rule: { by: Actor; from: readonly MentorshipState[] | null } = RULES[action];
  const isSender = mentorship.sender.id === userId;
  if ((rule.by === 'sender' && !isSender) || (rule.by === 'receiver' && isSender))
    throw new AppError('auth.forbidden', refusals[rule.by]);
  if (rule.from && !rule.from.includes(mentorship.state))
    throw invalidTransition(mentorship.state, action);
}

/** The 409 of an action the relation's state does not allow. */
export function invalidTransition(state: MentorshipState, action: MentorshipAction): AppError {
  const allowed: readonly MentorshipState[] = RULES[action].from ?? [];
  const what =
    action === 'writeTasks'
      ? 'Tasks and comments can only be'
      : 'Only a relation that is ' + allowed.join(' or ') + ' can be';
  const when =
    action === 'writeTasks'
      ? ` ${verbs[action]} while the mentorship is ${allowed.join(' or ')}`
      : ` ${verbs[action]}`;
  return new AppError('state.invalid_transition', `${what}${when}; this one is ${state}.`);
}

/** The 404 of a relation that does not exist or that the caller is not part of. */
export function mentorshipNotFound(id: number): AppError {
  return new AppError('resource.not_found', `No mentorship with id ${id}.`);
}

/** Only its author may edit or delete a comment (and only while the relation allows writing). */
export function authorizeCommentChange(access: MentorshipAccess, comment: TaskComment): void {
  authorizeMentorship(access, 'writeTasks');
  if (comment.author.id !== access.userId)
    throw new AppError('auth.forbidden', 'Only the author of a comment may edit or delete it.');
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * The rules of a new request: never with yourself, the mentor offers mentoring, the mentee looks
 * for it, the end date is MIN_WEEKS to MAX_WEEKS away, and neither is already in a mentorship.
 * `field` names the handle the caller gave, so 400s point at it.
 */
export function checkMentorshipRequest(input: {
  mentor: User;
  mentee: User;
  requesterId: number;
  field: 'mentorHandle' | 'menteeHandle';
  endDate: Date;
  now: Date;
  busy: User | undefined;
  pendingBetween: boolean;
}): void {
  const { mentor, mentee, requesterId, field, endDate, now } = input;
  if (mentor.id === mentee.id) {
    const message = 'is your own handle: you cannot mentor yourself';
    throw new AppError('request.invalid', `${field}: ${message}`, {
      errors: [{ path: field, message }],
    });
  }
  const weeks = (endDate.getTime() - now.getTime()) / WEEK_MS;
  if (weeks < MIN_WEEKS || weeks > MAX_WEEKS) {
    const earliest = new Date(now.getTime() + MIN_WEEKS * WEEK_MS).toISOString();
    const latest = new Date(now.getTime() + MAX_WEEKS * WEEK_MS).toISOString();
    const message = `must be ${MIN_WEEKS} to ${MAX_WEEKS} weeks from now (between ${earliest} and ${latest}); it is ${weeks.toFixed(1)} weeks away`;
    throw new AppError('request.invalid', `endDate: ${message}`, {
      errors: [{ path: 'endDate', message }],
    });
  }
  const self = (user: User) => user.id === requesterId;
  if (!mentor.availableToMentor) {
    throw new AppError(
      'resource.conflict',
      self(mentor)
        ? 'You are not available to mentor: set availableToMentor on your profile (PATCH /v1/me) first.'
        : `@${mentor.handle} is not available to mentor.`,
    );
  }
  if (!mentee.needsMentoring) {
    throw new AppError(
      'resource.conflict',
      self(mentee)
        ? 'You are not looking for a mentor: set needsMentoring on your profile (PATCH /v1/me) first.'
        : `@${mentee.handle} is not looking for a mentor.`,
    );
  }
  if (input.busy) throw alreadyInMentorship(input.busy, requesterId);
  if (input.pendingBetween) {
    const other = self(mentor) ? mentee : mentor;
    throw new AppError(
      'resource.conflict',
      `There is already a pending mentorship request between you and @${other.handle}.`,
    );
  }
}

/** The 409 of a user who is already in an ACCEPTED relation (a user is in at most one). */
export function alreadyInMentorship(user: Pick<User, 'id' | 'handle'>, callerId: number): AppError {
  return new AppError(
    'resource.conflict',
    user.id === callerId
      ? 'You are already in a mentorship; cancel or complete it first.'
      : `@${user.handle} is already in a mentorship.`,
  );
}

/** A request whose end date has passed can no longer be accepted (it would start already over). */
export function assertNotExpired(mentorship: Mentorship, now: Date): void {
  if (mentorship.endDate.getTime() <= now.getTime()) {
    throw new AppError(
      'state.invalid_transition',
      `This request can no longer be accepted: its end date (${mentorship.endDate.toISOString()}) has passed.`,
    );
  }
}

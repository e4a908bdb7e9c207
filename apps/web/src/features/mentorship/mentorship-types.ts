/** Shapes of the mentorship API (apps/api/src/routes/mentorships). */
export interface Party {
  id: number;
  handle: string;
  displayName: string;
}

export type MentorshipState = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'CANCELLED' | 'COMPLETED';

export interface Mentorship {
  id: number;
  mentor: Party;
  mentee: Party;
  sentBy: 'mentor' | 'mentee';
  role: 'mentor' | 'mentee';
  state: MentorshipState;
  endDate: string;
  notes: string | null;
  acceptedAt: string | null;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Task {
  id: number;
  mentorshipId: number;
  description: string;
  completed: boolean;
  completedAt: string | null;
  createdBy: Party;
  createdAt: string;
}

export interface TaskComment {
  id: number;
  taskId: number;
  author: Party;
  body: string;
  createdAt: string;
}

/** A user's public profile, mentorship side. */
export interface MentorProfile {
  handle: string;
  displayName: string;
  availableToMentor: boolean;
  needsMentoring: boolean;
  interests: string | null;
  skills: string | null;
}

/** The other party of a relation, seen from the caller. */
export function otherParty(mentorship: Mentorship): Party {
  return mentorship.role === 'mentor' ? mentorship.mentee : mentorship.mentor;
}

/** True when the other party sent the request (so the caller answers it). */
export function isIncoming(mentorship: Mentorship): boolean {
  return mentorship.sentBy !== mentorship.role;
}

/** The ISO end date `weeks` from `now` (the API accepts 4 to 24 weeks). */
export function endDateIn(weeks: number, now = new Date()): string {
  return new Date(now.getTime() + weeks * 7 * 24 * 3600 * 1000).toISOString();
}

export const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

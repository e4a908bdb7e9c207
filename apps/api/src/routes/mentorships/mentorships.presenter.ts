import type { Mentorship, MentorshipTask, TaskComment, User } from '@pluma/db';
import type { MentorshipView } from './mentorships.schema.ts';

const presentParty = (user: User) => ({
  id: user.id,
  handle: user.handle,
  displayName: user.displayName,
});

/** A relation as one of its parties sees it (`userId` decides `role`). */
export function presentMentorship(mentorship: Mentorship, userId: number): MentorshipView {
  return {
    id: mentorship.id,
    mentor: presentParty(mentorship.mentor),
    mentee: presentParty(mentorship.mentee),
    sentBy: mentorship.sender.id === mentorship.mentor.id ? 'mentor' : 'mentee',
    role: mentorship.mentor.id === userId ? 'mentor' : 'mentee',
    state: mentorship.state,
    endDate: mentorship.endDate.toISOString(),
    notes: mentorship.notes ?? null,
    acceptedAt: mentorship.acceptedAt?.toISOString() ?? null,
    createdAt: mentorship.createdAt.toISOString(),
    updatedAt: mentorship.updatedAt.toISOString(),
  };
}

/** A task of a relation. */
export function presentTask(task: MentorshipTask) {
  return {
    id: task.id,
    mentorshipId: task.mentorship.id,
    description: task.description,
    completed: task.completedAt != null,
    completedAt: task.completedAt?.toISOString() ?? null,
    createdBy: presentParty(task.createdBy),
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}

/** A comment on a task. */
export function presentComment(comment: TaskComment) {
  return {
    id: comment.id,
    taskId: comment.task.id,
    author: presentParty(comment.author),
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
    updatedAt: comment.updatedAt.toISOString(),
  };
}

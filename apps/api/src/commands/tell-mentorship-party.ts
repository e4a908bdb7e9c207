import type { EntityManager } from '@mikro-orm/mysql';
import type { Mentorship } from '@pluma/db';
import { newNotificationId, notificationIdOf, type Notifier } from '@pluma/notify';
import { enqueueEmail, type JobProducer, type MentorshipEvent } from '@pluma/queue';
import type { Logger } from '@pluma/telemetry/logger';

export interface MentorshipDeps {
  em: EntityManager;
  jobs: JobProducer;
  notifier: Notifier;
  log: Logger;
}

/** Relation events happen once each, so their notification id is fixed; task and comment events repeat. */
const ONCE: readonly MentorshipEvent[] = [
  'requested',
  'accepted',
  'rejected',
  'cancelled',
  'completed',
  'withdrawn',
];

/**
 * Tells the other party of a relation what `actorId` just did: stored in their inbox and emitted
 * live (`mentorship.<event>`), and e-mailed unless they turned mentorship e-mail off. Best effort:
 * the change is already stored, so a failure here is logged and does not fail the request.
 */
export async function tellMentorshipParty(
  deps: MentorshipDeps,
  mentorship: Mentorship,
  actorId: number,
  event: MentorshipEvent,
  task?: { id: number; description: string },
): Promise<void> {
  const [actor, other] =
    mentorship.mentor.id === actorId
      ? [mentorship.mentor, mentorship.mentee]
      : [mentorship.mentee, mentorship.mentor];
  try {
    if (other.deletedAt) return;
    const told = await deps.notifier.notify(deps.em, [other.id], {
      id: ONCE.includes(event)
        ? notificationIdOf(`mentorship.${event}`, mentorship.id)
        : newNotificationId(),
      type: `mentorship.${event}`,
      payload: {
        mentorshipId: mentorship.id,
        actor: { handle: actor.handle, displayName: actor.displayName },
        ...(task ? { task } : {}),
      },
    });
    if (told.length > 0 && other.emailOnMentorship) {
      await enqueueEmail(deps.jobs, {
        kind: 'mentorship',
        to: other.email,
        displayName: other.displayName,
        event,
        mentorshipId: mentorship.id,
        actorHandle: actor.handle,
        actorName: actor.displayName,
        ...(task ? { taskDescription: task.description } : {}),
      });
    }
  } catch (error) {
    deps.log.error(
      { err: error, mentorshipId: mentorship.id, event },
      'mentorship notification failed',
    );
  }
}

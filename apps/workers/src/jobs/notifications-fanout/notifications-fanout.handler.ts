import { UnrecoverableError, type Job } from 'bullmq';
import { PublishedPage, User, Work, WorkCollaborator, type MikroORM } from '@pluma/db';
import type { Notifier } from '@pluma/notify';
import {
  NotificationsFanoutJobSchema,
  enqueueEmailBatch,
  type JobProducer,
  type NotificationsFanoutJob,
} from '@pluma/queue';
import type { Logger } from '@pluma/telemetry/logger';
import { findFollowerBatch, type FollowerToTell } from './find-follower-batch.ts';

export interface FanoutHandlerDeps {
  orm: MikroORM;
  notifier: Notifier;
  /** Where the followers' e-mails are queued. */
  jobs: JobProducer;
  log: Logger;
  /** Followers per batch (one SELECT with their accounts, one multi-row INSERT, one Redis message); 1,000 unless a test says otherwise. */
  batchSize?: number;
}

/** Co-authors whose followers hear about a work: its owner and editors (viewers only read along). */
async function findCoAuthors(
  em: ReturnType<MikroORM['em']['fork']>,
  work: Work,
): Promise<number[]> {
  const collaborators = await em.find(
    WorkCollaborator,
    { work: work.id, role: { $in: ['owner', 'editor'] } },
    { fields: ['user'] },
  );
  return [work.owner.id, ...collaborators.map((c) => c.user.id)];
}

const roundAll = (values: Record<string, number>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v)]));

/**
 * Processor of `notifications.fanout`: walks the followers of a work's authors a batch at a time
 * (ascending id), stores and emits the notification for each batch, queues their e-mails, then
 * saves the last follower id in the job so a retry resumes after it. Storing is idempotent (the
 * event id is unique per user), so a batch redone after a crash adds nothing twice. Batches
 * overlap: the next one is read, and stored, while the current one is still being emitted.
 */
export function createFanoutHandler(deps: FanoutHandlerDeps) {
  const batchSize = deps.batchSize ?? 1000;
  return async (job: Job): Promise<{ notified: number; cursor: number }> => {
    const parsed = NotificationsFanoutJobSchema.safeParse(job.data);
    if (!parsed.success)
      throw new UnrecoverableError(
        `notifications.fanout payload is invalid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
    const data: NotificationsFanoutJob = parsed.data;
    const log = deps.log.child({ jobId: job.id, workId: data.workId, event: data.event });
    const jobStart = Date.now();
    const runStart = performance.now();
    const em = deps.orm.em.fork();
    const work = await em.findOne(Work, { id: data.workId }, { populate: ['owner'] });
    if (!work?.publishedAt) {
      log.info({}, 'work gone or unpublished before its fan-out; nothing to announce');
      return { notified: 0, cursor: data.cursor };
    }
    // Independent reads, each on its own fork so they can run at once: set-up is on the critical path.
    const [publisher, coAuthors, pages] = await Promise.all([
      em.fork().findOne(User, { id: data.authorId, deletedAt: null }),
      findCoAuthors(em.fork(), work),
      data.pageIds.length
        ? em
            .fork()
            .find(
              PublishedPage,
              { work: work.id, page: { $in: data.pageIds } },
              { fields: ['page', 'title'], orderBy: { position: 'asc' } },
            )
        : Promise.resolve([]),
    ]);
    const author = publisher ?? work.owner;
    const authors = [...new Set([author.id, ...coAuthors])].slice(0, 50);
    const payload = {
      work: { id: work.id, title: work.title },
      author: { handle: author.handle, displayName: author.displayName },
      ...(data.event === 'page.published'
        ? { pages: pages.map((p) => ({ id: p.page.id, title: p.title })) }
        : {}),
    };
    const createdAt = new Date(data.publishedAt);
    const authorSet = new Set(authors);
    const setupMs = Math.round(performance.now() - runStart);

    // Only this job stores this event (its id is fresh per publication and names the job), so on
    // its first start nobody can have it yet; a retry or a stalled job's rerun checks first.
    const firstAttempt = job.attemptsStarted <= 1;
    const timing = { fetchWaitMs: 0, tellMs: 0, firstBatchMs: 0 };
    const since = (start: number) => performance.now() - start;

    /** Stores and emits one batch, then queues the e-mails of those told; resolves to how many were told. */
    const tell = async (recipients: FollowerToTell[]): Promise<number> => {
      const started = performance.now();
      const told = new Set(
        await deps.notifier.notify(
          em,
          recipients.map((u) => u.id),
          { id: data.eventId, type: data.event, payload, createdAt },
          { firstAttempt },
        ),
      );
      await enqueueEmailBatch(
        deps.jobs,
        recipients
          .filter((u) => told.has(u.id) && u.emailOnNewPublication)
          .map((u) => ({
            jobId: `newpub-${data.eventId}-${u.id}`,
            email: {
              kind: 'new-publication' as const,
              to: u.email,
              displayName: u.displayName,
              authorName: author.displayName,
              workId: work.id,
              workTitle: work.title,
              pageTitles: pages.slice(0, 20).map((p) => p.title.slice(0, 200)),
            },
          })),
      );
      timing.tellMs += since(started);
      if (timing.firstBatchMs === 0) timing.firstBatchMs = since(runStart);
      return told.size;
    };

    let cursor = data.cursor;
    let notified = 0;
    // Two batches in flight: one is stored while the one before is still being emitted (or
    // stored on another connection). The cursor moves only once every batch up to it is done, in
    // order, so a retry resumes after the last batch fully told and never skips one.
    const running = new Set<Promise<unknown>>();
    const track = <T>(promise: Promise<T>): Promise<T> => {
      running.add(promise);
      promise.then(
        () => running.delete(promise),
        () => running.delete(promise),
      );
      return promise;
    };
    let previous: Promise<void> = Promise.resolve();
    let next = track(findFollowerBatch(em, authors, cursor, batchSize));
    try {
      for (;;) {
        const waited = performance.now();
        const { followerIds, users } = await next;
        timing.fetchWaitMs += since(waited);
        const last = followerIds.at(-1);
        if (last === undefined) break;
        // Read the next batch while this one is stored and emitted: its cursor is known already.
        next = track(findFollowerBatch(em, authors, last, batchSize));
        const told = track(tell(users.filter((u) => !authorSet.has(u.id))));
        const done = track(
          Promise.all([previous, told]).then(async ([, count]) => {
            notified += count;
            cursor = last;
            await Promise.all([
              job.updateData({ ...data, cursor }),
              job.updateProgress({ notified, cursor }),
            ]);
          }),
        );
        await previous;
        previous = done;
      }
      await previous;
    } catch (error) {
      // Let whatever is still writing finish before BullMQ may start a retry of the job.
      await Promise.allSettled([...running]);
      throw error;
    }
    log.debug(
      {
        pickupMs: jobStart - job.timestamp,
        setupMs,
        ...roundAll(timing),
        totalMs: Math.round(since(runStart)),
      },
      'fan-out stage timings',
    );
    log.info({ notified }, 'publication fanned out');
    return { notified, cursor };
  };
}

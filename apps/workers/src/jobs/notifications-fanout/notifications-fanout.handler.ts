import { UnrecoverableError, type Job } from 'bullmq';
import { PublishedPage, User, Work, WorkCollaborator, type MikroORM } from '@pluma/db';
import type { Notifier } from '@pluma/notify';
import { NotificationsFanoutJobSchema, enqueueEmailBatch, type JobProducer, type NotificationsFanoutJob } from '@pluma/queue';
import type { Logger } from '@pluma/telemetry/logger';
import { findFollowerBatch } from './find-follower-batch.ts';

export interface FanoutHandlerDeps {
  orm: MikroORM;
  notifier: Notifier;
  /** Where the followers' e-mails are queued. */
  jobs: JobProducer;
  log: Logger;
  /** Followers per batch (one SELECT, one multi-row INSERT, one Redis message); 1,000 unless a test says otherwise. */
  batchSize?: number;
}

/** Co-authors whose followers hear about a work: its owner and editors (viewers only read along). */
async function findAuthors(em: ReturnType<MikroORM['em']['fork']>, work: Work, publisherId: number) {
  const collaborators = await em.find(WorkCollaborator, { work: work.id, role: { $in: ['owner', 'editor'] } }, { fields: ['user'] });
  return [...new Set([publisherId, work.owner.id, ...collaborators.map((c) => c.user.id)])].slice(0, 50);
}

const roundAll = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v)]));

/**
 * Processor of `notifications.fanout`: walks the followers of a work's authors a batch at a time
 * (ascending id), stores and emits the notification for each batch, queues their e-mails, then
 * saves the last follower id in the job so a retry resumes after it. Storing is idempotent (the
 * event id is unique per user), so a batch redone after a crash adds nothing twice.
 */
export function createFanoutHandler(deps: FanoutHandlerDeps) {
  const batchSize = deps.batchSize ?? 1000;
  return async (job: Job): Promise<{ notified: number; cursor: number }> => {
    const parsed = NotificationsFanoutJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`notifications.fanout payload is invalid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
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
    const publisher = await em.findOne(User, { id: data.authorId, deletedAt: null });
    const author = publisher ?? work.owner;
    const authors = await findAuthors(em, work, author.id);
    const pages = data.pageIds.length
      ? await em.find(PublishedPage, { work: work.id, page: { $in: data.pageIds } }, { fields: ['page', 'title'], orderBy: { position: 'asc' } })
      : [];
    const payload = {
      work: { id: work.id, title: work.title },
      author: { handle: author.handle, displayName: author.displayName },
      ...(data.event === 'page.published' ? { pages: pages.map((p) => ({ id: p.page.id, title: p.title })) } : {}),
    };
    const createdAt = new Date(data.publishedAt);
    const authorSet = new Set(authors);
    const setupMs = Math.round(performance.now() - runStart);

    // Only this job stores this event (its id is fresh per publication and names the job), so on
    // its first start nobody can have it yet; a retry or a stalled job's rerun checks first.
    const firstAttempt = job.attemptsStarted <= 1;
    const timing = { fetchMs: 0, notifyMs: 0, emailMs: 0, progressMs: 0 };
    const since = (start: number) => performance.now() - start;

    let cursor = data.cursor;
    let notified = 0;
    let started = performance.now();
    let next = findFollowerBatch(em, authors, cursor, batchSize);
    for (;;) {
      const { followerIds, users } = await next;
      timing.fetchMs += since(started);
      const last = followerIds.at(-1);
      if (last === undefined) break;
      // Read the next batch while this one is stored and emitted: the cursor is known already.
      next = findFollowerBatch(em, authors, last, batchSize);
      next.catch(() => undefined); // awaited on the next turn; a failure meanwhile is not unhandled
      const recipients = users.filter((u) => !authorSet.has(u.id));
      started = performance.now();
      const told = new Set(
        await deps.notifier.notify(em, recipients.map((u) => u.id), { id: data.eventId, type: data.event, payload, createdAt }, { firstAttempt }),
      );
      timing.notifyMs += since(started);
      started = performance.now();
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
      timing.emailMs += since(started);
      notified += told.size;
      cursor = last;
      started = performance.now();
      await Promise.all([job.updateData({ ...data, cursor }), job.updateProgress({ notified, cursor })]);
      timing.progressMs += since(started);
      started = performance.now();
    }
    log.debug({ pickupMs: jobStart - job.timestamp, setupMs, ...roundAll(timing), totalMs: Math.round(since(runStart)) }, 'fan-out stage timings');
    log.info({ notified }, 'publication fanned out');
    return { notified, cursor };
  };
}

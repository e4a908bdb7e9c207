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

    let cursor = data.cursor;
    let notified = 0;
    for (;;) {
      const followerIds = await findFollowerBatch(em, authors, cursor, batchSize);
      if (followerIds.length === 0) break;
      const candidates = followerIds.filter((id) => !authorSet.has(id));
      const users = candidates.length
        ? await em.find(User, { id: { $in: candidates }, deletedAt: null }, { fields: ['id', 'email', 'displayName', 'emailOnNewPublication'] })
        : [];
      const told = new Set(await deps.notifier.notify(em, users.map((u) => u.id), { id: data.eventId, type: data.event, payload, createdAt }));
      await enqueueEmailBatch(
        deps.jobs,
        users
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
      em.clear();
      notified += told.size;
      cursor = followerIds.at(-1) ?? cursor;
      await job.updateData({ ...data, cursor });
      await job.updateProgress({ notified, cursor });
    }
    log.info({ notified }, 'publication fanned out');
    return { notified, cursor };
  };
}

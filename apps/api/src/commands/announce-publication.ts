import type { EntityManager } from '@mikro-orm/mysql';
import { PublishedPage, type Work } from '@pluma/db';
import { newNotificationId } from '@pluma/notify';
import { enqueueNotificationsFanout, type JobProducer } from '@pluma/queue';
import type { Logger } from '@pluma/telemetry/logger';

/** What readers saw of a work just before it is published again. */
export interface PublicationBefore {
  wasPublished: boolean;
  pageIds: Set<number>;
}

/** Notes which pages readers can see now, so the next publication can tell what is new. */
export async function notePublicationBefore(
  em: EntityManager,
  work: Work,
): Promise<PublicationBefore> {
  const published = await em.find(PublishedPage, { work: work.id }, { fields: ['page'] });
  return {
    wasPublished: work.publishedAt !== null && work.publishedAt !== undefined,
    pageIds: new Set(published.map((p) => p.page.id)),
  };
}

/**
 * After a successful publish, queues the fan-out to the authors' followers: `work.published` the
 * first time, `page.published` when pages were published for the first time since; nothing when
 * a republish only changed text. Queueing is best effort: the work is published whatever happens.
 */
export async function announcePublication(
  deps: { em: EntityManager; jobs: JobProducer; log: Logger },
  before: PublicationBefore,
  work: Work,
  authorId: number,
): Promise<void> {
  if (!work.publishedAt) return;
  let pageIds: number[] = [];
  if (before.wasPublished) {
    const published = await deps.em.find(
      PublishedPage,
      { work: work.id },
      { fields: ['page'], orderBy: { position: 'asc' } },
    );
    pageIds = published.map((p) => p.page.id).filter((id) => !before.pageIds.has(id));
    if (pageIds.length === 0) return;
  }
  try {
    await enqueueNotificationsFanout(deps.jobs, {
      event: before.wasPublished ? 'page.published' : 'work.published',
      eventId: newNotificationId(),
      authorId,
      workId: work.id,
      pageIds: pageIds.slice(0, 1000),
      publishedAt: work.publishedAt.toISOString(),
    });
  } catch (error) {
    deps.log.error({ err: error, workId: work.id }, 'publication fan-out could not be queued');
  }
}

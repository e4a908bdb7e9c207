import { ForeignKeyConstraintViolationException, type EntityManager } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import * as Y from 'yjs';
import { Page, PublishedPage, loadDocumentUpdates, refreshSearchVisibility } from '@pluma/db';
import { pageDocToJSON, pageDocToNode, pageNodeToText } from '@pluma/text';
import { pageJSONToHTML } from '@pluma/text/html';
import type { WorkAccess } from '../routes/works/works.policy.ts';

/** The text of a page as stored right now: its Yjs document rebuilt from MySQL (state + log). */
async function freezePage(em: EntityManager, page: Page) {
  const doc = new Y.Doc();
  try {
    for (const update of await loadDocumentUpdates(em, `page:${page.id}`))
      Y.applyUpdate(doc, update);
    const node = pageDocToNode(doc);
    const json = pageDocToJSON(doc);
    return { json, html: pageJSONToHTML(json), text: pageNodeToText(node) };
  } finally {
    doc.destroy();
  }
}

/**
 * Publishes a work: freezes, per page, the text its Yjs document holds at this moment as the
 * version readers see. Later edits stay invisible to readers until the next publish; publishing
 * again replaces every page's frozen text (pages deleted since disappear for readers).
 */
export async function publishWork(em: EntityManager, access: WorkAccess): Promise<WorkAccess> {
  const { work } = access;
  const pages = await em.find(Page, { work: work.id }, { orderBy: { position: 'asc', id: 'asc' } });
  // Read (and render) outside the transaction: the documents may be large, the lock short.
  const frozen = [];
  for (const page of pages) frozen.push({ page, ...(await freezePage(em, page)) });
  const publishedAt = new Date();
  await em.begin();
  try {
    await em.nativeDelete(PublishedPage, { work: work.id });
    for (const { page, json, html, text } of frozen) {
      em.create(PublishedPage, {
        page,
        work,
        title: page.title,
        position: page.position,
        json: json as Record<string, unknown>,
        html,
        text,
        publishedAt,
      });
    }
    work.publishedAt = publishedAt;
    await em.flush();
    // The search index's public flag moves with the work, in this transaction, not with the job.
    await refreshSearchVisibility(em, work.id);
    await em.commit();
  } catch (error) {
    await em.rollback();
    if (error instanceof ForeignKeyConstraintViolationException) {
      throw new AppError(
        'resource.conflict',
        'A page was deleted while the work was being published; publish again.',
      );
    }
    throw error;
  }
  return access;
}

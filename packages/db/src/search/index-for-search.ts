import type { EntityManager } from '@mikro-orm/mysql';

/** What one indexing run left in `search_documents` for its target. */
export interface SearchIndexOutcome {
  /** Rows now held for the target: the work (or author) row plus its published pages. */
  documents: number;
  /** True when the target no longer exists (its rows went with it, by cascade). */
  gone: boolean;
}

const upsertAuthorSql = `
insert into search_documents (ref_key, kind, work_id, page_id, user_id, title, body, indexed_at)
select concat('author:', u.id), 'author', null, null, u.id, u.display_name, u.handle, ?
from users u where u.id = ? and u.deleted_at is null
on duplicate key update title = values(title), body = values(body), indexed_at = values(indexed_at)`;

/**
 * Brings a work's rows in line with the database as it is now: one row for the work (title and
 * description, drafts included, so collaborators find their drafts), one per published page (its
 * frozen text; none while unpublished), and the owner's author row. Idempotent: it copies the
 * current state, whatever ran before, in one transaction.
 */
export async function indexWorkForSearch(em: EntityManager, workId: number): Promise<SearchIndexOutcome> {
  return em.fork().transactional(async (tx) => {
    const now = new Date();
    // Locks the work row, so a concurrent publish of the same work waits for this copy (or precedes it).
    const [work] = await tx.execute<{ owner_id: number }[]>('select owner_id from works where id = ? for update', [workId]);
    if (!work) {
      await tx.execute('delete from search_documents where ref_key = ?', [`work:${workId}`]);
      return { documents: 0, gone: true };
    }
    await tx.execute(
      `insert into search_documents (ref_key, kind, work_id, page_id, user_id, title, body, indexed_at)
       select concat('work:', w.id), 'work', w.id, null, null, w.title, coalesce(w.description, ''), ?
       from works w where w.id = ?
       on duplicate key update title = values(title), body = values(body), indexed_at = values(indexed_at)`,
      [now, workId],
    );
    await tx.execute("delete from search_documents where kind = 'page' and work_id = ?", [workId]);
    // published_pages holds rows only while the work is published; unpublishing deleted them.
    const pages = await tx.execute<{ affectedRows: number }>(
      `insert into search_documents (ref_key, kind, work_id, page_id, user_id, title, body, indexed_at)
       select concat('page:', pp.page_id), 'page', pp.work_id, pp.page_id, null, pp.title, pp.text, ?
       from published_pages pp join works w on w.id = pp.work_id
       where pp.work_id = ? and w.published_at is not null`,
      [now, workId],
      'run',
    );
    await tx.execute(upsertAuthorSql, [now, Number(work.owner_id)], 'run');
    return { documents: 1 + pages.affectedRows, gone: false };
  });
}

/** Brings an author's row in line with their profile (display name, handle); removes it once the account is deleted. */
export async function indexAuthorForSearch(em: EntityManager, userId: number): Promise<SearchIndexOutcome> {
  return em.fork().transactional(async (tx) => {
    const [user] = await tx.execute<{ id: number }[]>('select id from users where id = ? and deleted_at is null', [userId]);
    if (!user) {
      await tx.execute('delete from search_documents where ref_key = ?', [`author:${userId}`]);
      return { documents: 0, gone: true };
    }
    await tx.execute(upsertAuthorSql, [new Date(), userId], 'run');
    return { documents: 1, gone: false };
  });
}

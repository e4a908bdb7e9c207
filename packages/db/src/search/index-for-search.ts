import type { EntityManager } from '@mikro-orm/mysql';

/** What one indexing run left in `search_documents` for its target. */
export interface SearchIndexOutcome {
  /** Rows now held for the target: the work (or author) row plus its published pages. */
  documents: number;
  /** True when the target no longer exists (its rows went with it, by cascade). */
  gone: boolean;
}

/** An author is public once they have a published work. */
const authorIsPublic =
  'exists (select 1 from works o where o.owner_id = u.id and o.published_at is not null)';

const upsertAuthorSql = `
insert into search_documents (ref_key, kind, work_id, page_id, user_id, title, body, indexed_at, is_public)
select concat('author:', u.id), 'author', null, null, u.id, u.display_name, u.handle, ?, ${authorIsPublic}
from users u where u.id = ? and u.deleted_at is null
on duplicate key update title = values(title), body = values(body), indexed_at = values(indexed_at), is_public = values(is_public)`;

/**
 * Sets the `isPublic` flag of a work's rows and its owner's author row from the live tables, in
 * the caller's transaction: publish and unpublish call it so the flag never waits for the job.
 */
export async function refreshSearchVisibility(em: EntityManager, workId: number): Promise<void> {
  await em.execute(
    `update search_documents d join works w on w.id = d.work_id
     set d.is_public = (w.published_at is not null) where d.work_id = ?`,
    [workId],
    'run',
  );
  await em.execute(
    `update search_documents d join works w on w.owner_id = d.user_id join users u on u.id = d.user_id
     set d.is_public = (u.deleted_at is null and ${authorIsPublic}) where w.id = ? and d.kind = 'author'`,
    [workId],
    'run',
  );
}

/**
 * Brings a work's rows in line with the database as it is now: one row for the work (title and
 * description, drafts included, so collaborators find their drafts), one per published page (its
 * frozen text; none while unpublished), and the owner's author row. Idempotent: it copies the
 * current state, whatever ran before, in one transaction.
 */
export async function indexWorkForSearch(
  em: EntityManager,
  workId: number,
): Promise<SearchIndexOutcome> {
  return em.fork().transactional(async (tx) => {
    const now = new Date();
    // Locks the work row, so a concurrent publish of the same work waits for this copy (or precedes it).
    const [work] = await tx.execute<{ owner_id: number }[]>(
      'select owner_id from works where id = ? for update',
      [workId],
    );
    if (!work) {
      await tx.execute('delete from search_documents where ref_key = ?', [`work:${workId}`]);
      return { documents: 0, gone: true };
    }
    await tx.execute(
      `insert into search_documents (ref_key, kind, work_id, page_id, user_id, title, body, indexed_at, is_public)
       select concat('work:', w.id), 'work', w.id, null, null, w.title, coalesce(w.description, ''), ?, w.published_at is not null
       from works w where w.id = ?
       on duplicate key update title = values(title), body = values(body), indexed_at = values(indexed_at), is_public = values(is_public)`,
      [now, workId],
    );
    await tx.execute("delete from search_documents where kind = 'page' and work_id = ?", [workId]);
    // published_pages holds rows only while the work is published; unpublishing deleted them.
    const pages = await tx.execute<{ affectedRows: number }>(
      `insert into search_documents (ref_key, kind, work_id, page_id, user_id, title, body, indexed_at, is_public)
       select concat('page:', pp.page_id), 'page', pp.work_id, pp.page_id, null, pp.title, pp.text, ?, 1
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
export async function indexAuthorForSearch(
  em: EntityManager,
  userId: number,
): Promise<SearchIndexOutcome> {
  return em.fork().transactional(async (tx) => {
    const [user] = await tx.execute<{ id: number }[]>(
      'select id from users where id = ? and deleted_at is null',
      [userId],
    );
    if (!user) {
      await tx.execute('delete from search_documents where ref_key = ?', [`author:${userId}`]);
      return { documents: 0, gone: true };
    }
    await tx.execute(upsertAuthorSql, [new Date(), userId], 'run');
    return { documents: 1, gone: false };
  });
}

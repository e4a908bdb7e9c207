import type { MikroORM, WorkRole } from '@pluma/db';

export interface PageAccess {
  workId: number;
  /** The user's role on the page's work, or null when they are not a collaborator. */
  role: WorkRole | null;
}

/** The work of a page and the user's role on it (one query); null when the page does not exist. */
export async function resolvePageAccess(
  orm: MikroORM,
  pageId: number,
  userId: number,
): Promise<PageAccess | null> {
  const rows = await orm.em.fork().execute<{ work_id: number | string; role: WorkRole | null }[]>(
    'SELECT p.work_id, wc.role FROM pages p ' +
      'LEFT JOIN work_collaborators wc ON wc.work_id = p.work_id AND wc.user_id = ? WHERE p.id = ?',
    [userId, pageId],
    // Access is decided on the primary: a replica could still show a collaborator just removed.
    { connectionType: 'write' },
  );
  const row = rows[0];
  return row ? { workId: Number(row.work_id), role: row.role } : null;
}

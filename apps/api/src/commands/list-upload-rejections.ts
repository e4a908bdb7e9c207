import type { EntityManager } from '@mikro-orm/mysql';

export interface RejectedRow {
  line: number;
  reason: string;
  raw: string;
}

const PAGE = 5000;

/** An upload's rejected rows in line order, read a page at a time so a long list is never held whole. */
export async function* listUploadRejections(
  em: EntityManager,
  uploadId: number,
): AsyncGenerator<RejectedRow[]> {
  let after = 0;
  for (;;) {
    const rows = await em.execute<{ line: number; reason: string; raw: string }[]>(
      'SELECT `line`, `reason`, `raw` FROM `upload_rejections` WHERE `upload_id` = ? AND `line` > ? ORDER BY `line` LIMIT ?',
      [uploadId, after, PAGE],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({ line: Number(r.line), reason: r.reason, raw: r.raw }));
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1]!.line);
  }
}

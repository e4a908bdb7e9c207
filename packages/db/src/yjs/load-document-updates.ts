import type { EntityManager } from '@mikro-orm/mysql';
import { YjsDocument } from '../entities/yjs-document.entity.ts';
import { YjsUpdate } from '../entities/yjs-update.entity.ts';

/**
 * The stored updates of a Yjs document, in the order to apply them: the compacted state (if any),
 * then every log row written after it. Read in one transaction so a compaction running meanwhile
 * (which merges rows into the state and deletes them) cannot make rows vanish between the reads.
 * Read-only: applying them to a `Y.Doc` is the caller's business.
 */
export async function loadDocumentUpdates(
  em: EntityManager,
  documentName: string,
): Promise<Buffer[]> {
  return em.fork().transactional(async (tx) => {
    const compacted = await tx.findOne(YjsDocument, { documentName }, { disableIdentityMap: true });
    const updates = await tx.find(
      YjsUpdate,
      { documentName, id: { $gt: compacted?.lastUpdateId ?? 0 } },
      { orderBy: { id: 'asc' }, fields: ['id', 'update'], disableIdentityMap: true },
    );
    return [...(compacted ? [compacted.state] : []), ...updates.map((row) => row.update)];
  });
}

import { loadDocumentUpdates, type MikroORM } from '@pluma/db';
import { pageDocToText } from '@pluma/text';
import * as Y from 'yjs';

/**
 * The plain text of a page as stored: compacted state + log. Every acknowledged edit is in
 * yjs_update before its author is told it is saved, so MySQL is the authority here, not a
 * collab node's memory.
 */
export async function readPageText(em: MikroORM['em'], pageId: number): Promise<string> {
  const doc = new Y.Doc();
  try {
    const updates = await loadDocumentUpdates(em, `page:${pageId}`);
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return pageDocToText(doc);
  } finally {
    doc.destroy();
  }
}

import type { PageJSON } from '@pluma/text';
import { YjsVersion } from '@pluma/db';
import { pageDocToJSON, pageDocToText } from '@pluma/text';
import * as Y from 'yjs';
import type { HistoryDeps, VersionSummary } from './history-deps.ts';
import { presentVersion } from './present-version.ts';

/** A stored version with its state, or null when the document has no such version. */
export async function findVersion(
  deps: Pick<HistoryDeps, 'orm'>,
  documentName: string,
  versionId: number,
) {
  return deps.orm.em
    .fork()
    .findOne(YjsVersion, { id: versionId, documentName }, { populate: ['state', 'createdBy'] });
}

/** A version as ProseMirror JSON and plain text; null when there is no such version. */
export async function viewVersion(
  deps: Pick<HistoryDeps, 'orm'>,
  input: { documentName: string; versionId: number },
): Promise<(VersionSummary & { content: PageJSON; text: string }) | null> {
  const version = await findVersion(deps, input.documentName, input.versionId);
  if (!version) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, version.state);
    return { ...presentVersion(version), content: pageDocToJSON(doc), text: pageDocToText(doc) };
  } finally {
    doc.destroy();
  }
}

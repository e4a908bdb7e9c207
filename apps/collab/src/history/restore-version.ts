import type { LocalTransactionOrigin } from '@hocuspocus/server';
import { PAGE_FRAGMENT } from '@pluma/text';
import * as Y from 'yjs';
import type { CollabContext } from '../deps.ts';
import { createVersion } from './create-version.ts';
import type { HistoryDeps, VersionSummary } from './history-deps.ts';
import { presentVersion } from './present-version.ts';
import { findVersion } from './view-version.ts';

/** Replaces the content of `target` with a copy of `source` (same document or not). */
function replaceFragment(target: Y.XmlFragment, source: Y.XmlFragment) {
  target.delete(0, target.length);
  // Tiptap writes elements and text only; hooks (never written by the editor) are not copied.
  const nodes = source
    .toArray()
    .filter((node): node is Y.XmlElement | Y.XmlText => !(node instanceof Y.XmlHook));
  target.insert(
    0,
    nodes.map((node) => node.clone()),
  );
}

/**
 * Restores a version as a new edit on top of the current document: the change that turns the
 * current content into the version's is computed, stored like any edit, then applied to the
 * open document, so every collaborator receives it and keeps a consistent history (and their
 * own concurrent edits). The state before the restore is saved as a version first.
 */
export async function restoreVersion(
  deps: HistoryDeps,
  input: { documentName: string; versionId: number; context: CollabContext },
): Promise<{ restored: VersionSummary; backup: VersionSummary } | null> {
  const version = await findVersion(deps, input.documentName, input.versionId);
  if (!version) return null;
  const backup = await createVersion(deps, {
    documentName: input.documentName,
    name: `Before restoring “${version.name}”`.slice(0, 200),
    userId: input.context.userId,
  });

  const connection = await deps.hocuspocus.openDirectConnection(input.documentName, input.context);
  const target = new Y.Doc();
  const scratch = new Y.Doc();
  try {
    const live = connection.document;
    if (!live) throw new Error('direct connection closed');
    Y.applyUpdate(target, version.state);
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
    const changes: Uint8Array[] = [];
    scratch.on('update', (update: Uint8Array) => changes.push(update));
    scratch.transact(() =>
      replaceFragment(scratch.getXmlFragment(PAGE_FRAGMENT), target.getXmlFragment(PAGE_FRAGMENT)),
    );
    if (changes.length > 0) {
      const update = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
      // Stored before anyone sees it, like an edit from a client.
      await deps.updateLog.append(input.documentName, update);
      const origin: LocalTransactionOrigin = { source: 'local', context: input.context };
      Y.applyUpdate(live, update, origin);
    }
  } finally {
    target.destroy();
    scratch.destroy();
    // Not awaited: leaving lets the document unload after the usual delay.
    connection.disconnect({ unloadImmediately: false }).catch((error: unknown) => {
      deps.log.warn(
        { err: error, documentName: input.documentName },
        'direct connection did not close cleanly',
      );
    });
  }
  return { restored: presentVersion(version), backup };
}

import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { PAGE_FRAGMENT, pageSchema } from './page-schema.ts';

/**
 * Reads a page's Yjs document as a ProseMirror node of the page schema. Works on a copy:
 * the conversion drops (and would otherwise delete from the Y.Doc) nodes the schema does not allow.
 */
export function pageDocToNode(doc: Y.Doc): ProseMirrorNode {
  const copy = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const fragment = copy.getXmlFragment(PAGE_FRAGMENT);
    // Only elements can be block nodes; stray top-level text would break the conversion.
    const stray = fragment
      .toArray()
      .flatMap((child, index) => (child instanceof Y.XmlElement ? [] : [index]));
    copy.transact(() => {
      for (const index of stray.reverse()) fragment.delete(index, 1);
    });
    return yXmlFragmentToProseMirrorRootNode(fragment, pageSchema);
  } finally {
    copy.destroy();
  }
}

/** A page's Yjs document as ProseMirror JSON (`{ type: 'doc', content: [...] }`). */
export function pageDocToJSON(doc: Y.Doc): JSONContent {
  return pageDocToNode(doc).toJSON() as JSONContent;
}

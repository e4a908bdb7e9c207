import { getTextSerializersFromSchema, type JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { pageDocToNode } from './page-doc-to-json.ts';
import { pageSchema } from './page-schema.ts';

const textSerializers = getTextSerializersFromSchema(pageSchema);

function leafText(leaf: ProseMirrorNode): string {
  const serialize = textSerializers[leaf.type.name];
  return serialize
    ? serialize({ node: leaf, pos: 0, parent: leaf, index: 0, range: { from: 0, to: 0 } })
    : '';
}

/**
 * Plain text of a ProseMirror node: one paragraph per text block (headings, paragraphs, list
 * items, code), separated by a blank line; hard breaks as newlines; empty blocks and images skipped.
 */
export function pageNodeToText(node: ProseMirrorNode): string {
  const blocks: string[] = [];
  node.descendants((child) => {
    if (!child.isTextblock) return true;
    const text = child.textBetween(0, child.content.size, undefined, leafText);
    if (text.trim() !== '') blocks.push(text);
    return false;
  });
  return blocks.join('\n\n');
}

/** Plain text of ProseMirror JSON in the page schema. */
export function pageJSONToText(json: JSONContent): string {
  return pageNodeToText(pageSchema.nodeFromJSON(json));
}

/** Plain text of a page's Yjs document (for search indexing and sentiment scoring). */
export function pageDocToText(doc: Y.Doc): string {
  return pageNodeToText(pageDocToNode(doc));
}

import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { PAGE_FRAGMENT, pageSchema } from './page-schema.ts';

/** Builds a page's Yjs document from ProseMirror JSON (validated against the page schema). */
export function pageJSONToDoc(json: JSONContent): Y.Doc {
  // nodeFromJSON + check() refuse node types and content the schema does not allow.
  pageSchema.nodeFromJSON(json).check();
  return prosemirrorJSONToYDoc(pageSchema, json, PAGE_FRAGMENT);
}

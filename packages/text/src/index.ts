export { PAGE_FRAGMENT, createPageExtensions, pageSchema } from './page-schema.ts';
export { pageDocToJSON, pageDocToNode } from './page-doc-to-json.ts';
export { pageDocToText, pageJSONToText, pageNodeToText } from './page-doc-to-text.ts';
export { pageJSONToDoc } from './page-json-to-doc.ts';
export type { JSONContent as PageJSON } from '@tiptap/core';

import type { JSONContent } from '@tiptap/core';
import { DOMSerializer } from '@tiptap/pm/model';
import { parseHTML } from 'linkedom';
import sanitizeHtml from 'sanitize-html';
import { pageSchema } from './page-schema.ts';

const serializer = DOMSerializer.fromSchema(pageSchema);
type SerializeOptions = NonNullable<Parameters<typeof serializer.serializeFragment>[1]>;

// Only what the page schema can produce; everything else (scripts, styles, event handlers,
// javascript: URLs) is dropped even if it was smuggled into a node's attributes.
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    's',
    'u',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'br',
    'hr',
    'a',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    img: ['src', 'alt', 'title'],
    ol: ['start', 'type'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};

/** Sanitized HTML of ProseMirror JSON in the page schema, for readers (server-side, no browser). */
export function pageJSONToHTML(json: JSONContent): string {
  const node = pageSchema.nodeFromJSON(json);
  // linkedom is a small server-side DOM: enough for ProseMirror's serializer to build elements.
  const { document } = parseHTML('<!doctype html><html><body><div></div></body></html>');
  const container = document.querySelector('div');
  if (!container) throw new Error('linkedom did not create the container element');
  // linkedom's Document is structurally what DOMSerializer needs; its types are its own.
  const options = { document } as unknown as SerializeOptions;
  container.appendChild(serializer.serializeFragment(node.content, options) as never);
  return sanitizeHtml(container.innerHTML, sanitizeOptions);
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import {
  PAGE_FRAGMENT,
  pageDocToJSON,
  pageDocToText,
  pageJSONToDoc,
  pageJSONToText,
  pageSchema,
} from './index.ts';

const page: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Chapter one' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'It was a ' },
        { type: 'text', text: 'bright', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' cold day, ' },
        {
          type: 'text',
          text: 'said Ana',
          marks: [{ type: 'link', attrs: { href: 'https://example.com/ana' } }],
        },
        { type: 'hardBreak' },
        { type: 'text', text: 'Ñandú 🦉.' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }],
        },
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'second' }] }],
        },
      ],
    },
    { type: 'image', attrs: { src: 'https://cdn.example.com/owl.png', alt: 'an owl' } },
  ],
};

/** Sends a document through its binary update, as collab stores and loads it. */
function roundTrip(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('page content', () => {
  it('turns ProseMirror JSON into a Yjs document and back, unchanged', () => {
    const doc = roundTrip(pageJSONToDoc(page));
    expect(pageDocToJSON(doc)).toEqual(pageSchema.nodeFromJSON(page).toJSON());
    expect(doc.getXmlFragment(PAGE_FRAGMENT).length).toBe(4);
  });

  it('extracts plain text with blocks apart and hard breaks as newlines', () => {
    const text = pageDocToText(roundTrip(pageJSONToDoc(page)));
    expect(text).toBe(
      'Chapter one\n\nIt was a bright cold day, said Ana\nÑandú 🦉.\n\nfirst\n\nsecond',
    );
    expect(pageJSONToText(page)).toBe(text);
  });

  it('reads an empty document as an empty page', () => {
    const doc = new Y.Doc();
    expect(pageDocToText(doc)).toBe('');
    expect(pageDocToJSON(doc).type).toBe('doc');
  });

  it('follows concurrent edits made directly on the Yjs structure', () => {
    const a = roundTrip(pageJSONToDoc({ type: 'doc', content: [{ type: 'paragraph' }] }));
    const b = roundTrip(a);
    const textOf = (doc: Y.Doc) =>
      (doc.getXmlFragment(PAGE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const first = a.getXmlFragment(PAGE_FRAGMENT).get(0) as Y.XmlElement;
    if (first.length === 0) first.insert(0, [new Y.XmlText()]);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    textOf(a).insert(0, 'hello ');
    textOf(b).insert(0, 'world');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(pageDocToText(a)).toBe(pageDocToText(b));
    expect(pageDocToText(a).split('').sort().join('')).toBe(
      'hello world'.split('').sort().join(''),
    );
  });

  it('drops nodes the schema does not know without touching the document', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(PAGE_FRAGMENT);
    const unknown = new Y.XmlElement('marquee');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('kept')]);
    fragment.insert(0, [unknown, paragraph, new Y.XmlText('stray')]);
    expect(pageDocToText(doc)).toBe('kept');
    expect(fragment.length).toBe(3);
  });

  it('refuses JSON the schema does not allow', () => {
    expect(() => pageJSONToDoc({ type: 'doc', content: [{ type: 'marquee' }] })).toThrow();
  });
});

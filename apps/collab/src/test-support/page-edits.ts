// Edits made the way Tiptap's Collaboration extension makes them: text inside a paragraph
// element of the 'default' XmlFragment.
import { PAGE_FRAGMENT, pageDocToText } from '@pluma/text';
import * as Y from 'yjs';

/** The text of the page's first paragraph, created when the page is empty. */
export function firstParagraph(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment(PAGE_FRAGMENT);
  let paragraph = fragment.get(0) as Y.XmlElement | undefined;
  if (!paragraph) {
    paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText()]);
    fragment.insert(0, [paragraph]);
  }
  return paragraph.get(0) as Y.XmlText;
}

/** Appends a new paragraph holding `text`. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(PAGE_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
}

/** The page as plain text, as the API will extract it. */
export function textOf(doc: Y.Doc): string {
  return pageDocToText(doc);
}

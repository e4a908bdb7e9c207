import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** A scored sentence as the collab server relays it (offsets into the page's plain text). */
export interface ScoredSentence {
  text: string;
  start: number;
  end: number;
  score: number;
  label: 'positive' | 'negative' | 'neutral';
}

/** A sentence placed in the document: ProseMirror positions. */
export interface SentimentRange {
  from: number;
  to: number;
  label: 'positive' | 'negative';
  score: number;
}

/** The page's plain text and, for every UTF-16 unit of it, the document range it came from. */
export interface PlainTextIndex {
  text: string;
  from: Int32Array;
  to: Int32Array;
}

const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * The plain text the worker scores (packages/text pageNodeToText: one block per non-blank text
 * block, blocks separated by a blank line, leaves such as hard breaks by their text), with the
 * position of each character in `doc`. Separators map to the gap between the blocks.
 */
export function indexPlainText(
  doc: ProseMirrorNode,
  leafText: (leaf: ProseMirrorNode) => string,
): PlainTextIndex {
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let blockEnd = 0;
  doc.descendants((block, blockPos) => {
    if (!block.isTextblock) return true;
    const text = block.textBetween(0, block.content.size, undefined, leafText);
    if (text.trim() === '') return false;
    if (parts.length > 0) {
      parts.push(PARAGRAPH_SEPARATOR);
      for (let i = 0; i < PARAGRAPH_SEPARATOR.length; i += 1) {
        from.push(blockEnd);
        to.push(blockEnd);
      }
    }
    const contentStart = blockPos + 1;
    block.forEach((child, offset) => {
      const at = contentStart + offset;
      if (child.isText) {
        const value = child.text ?? '';
        parts.push(value);
        for (let i = 0; i < value.length; i += 1) {
          from.push(at + i);
          to.push(at + i + 1);
        }
      } else if (child.isLeaf) {
        const value = leafText(child);
        parts.push(value);
        for (let i = 0; i < value.length; i += 1) {
          from.push(at);
          to.push(at + child.nodeSize);
        }
      }
    });
    blockEnd = contentStart + block.content.size;
    return false;
  });
  return { text: parts.join(''), from: Int32Array.from(from), to: Int32Array.from(to) };
}

/** Where `sentence` is in the current text: its own offsets if they still hold, else the nearest copy. */
function locate(text: string, sentence: ScoredSentence): number | null {
  if (sentence.text === '') return null;
  if (text.slice(sentence.start, sentence.end) === sentence.text) return sentence.start;
  // The page changed since it was scored: look for the sentence near where it was.
  let best: number | null = null;
  for (let at = text.indexOf(sentence.text); at !== -1; at = text.indexOf(sentence.text, at + 1)) {
    if (best === null || Math.abs(at - sentence.start) < Math.abs(best - sentence.start)) best = at;
  }
  return best;
}

/**
 * Document ranges of the positive and negative sentences of a result. Sentences whose text is no
 * longer in the page are left out; the next result will have them right.
 */
export function sentimentRanges(
  index: PlainTextIndex,
  sentences: ScoredSentence[],
): SentimentRange[] {
  const ranges: SentimentRange[] = [];
  for (const sentence of sentences) {
    if (sentence.label === 'neutral') continue;
    const start = locate(index.text, sentence);
    if (start === null) continue;
    const last = start + sentence.text.length - 1;
    const from = index.from[start];
    const to = index.to[last];
    if (from === undefined || to === undefined || to <= from) continue;
    ranges.push({ from, to, label: sentence.label, score: sentence.score });
  }
  return ranges;
}

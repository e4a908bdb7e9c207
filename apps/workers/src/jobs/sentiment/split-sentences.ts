/** A sentence of a page's plain text; `text === plain.slice(start, end)`. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Paragraphs of pageDocToText's output are separated by a blank line. */
const PARAGRAPH_BREAK = /\n\n/g;
/** A sentence worth scoring says something: at least one letter or digit. */
const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * Splits plain text into sentences with Intl.Segmenter, paragraph by paragraph, so a heading or a
 * list item without a full stop never runs into the next block. Surrounding whitespace is trimmed
 * from each sentence and offsets point into the whole text.
 */
export function splitSentences(plain: string, locale = 'en'): SentenceSpan[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const spans: SentenceSpan[] = [];
  let paragraphStart = 0;
  const take = (paragraphEnd: number) => {
    const paragraph = plain.slice(paragraphStart, paragraphEnd);
    for (const { segment, index } of segmenter.segment(paragraph)) {
      const text = segment.trim();
      if (!HAS_WORDS.test(text)) continue;
      const start = paragraphStart + index + (segment.length - segment.trimStart().length);
      spans.push({ text, start, end: start + text.length });
    }
  };
  for (const match of plain.matchAll(PARAGRAPH_BREAK)) {
    take(match.index);
    paragraphStart = match.index + match[0].length;
  }
  take(plain.length);
  return spans;
}

import type { ReactNode } from 'react';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Undoes the API's escaping (apps/api search highlight.ts escapes exactly these five). */
function unescape(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * The API's highlighted text (escaped text, matches in `<mark>`) as React elements: split on the
 * marks and render every piece as text, so nothing in it is ever parsed as HTML.
 */
export function splitMarks(html: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let at = 0;
  for (const match of html.matchAll(pattern)) {
    if (match.index > at)
      parts.push({ text: unescape(html.slice(at, match.index)), marked: false });
    parts.push({ text: unescape(match[1] ?? ''), marked: true });
    at = match.index + match[0].length;
  }
  if (at < html.length) parts.push({ text: unescape(html.slice(at)), marked: false });
  return parts;
}

export function MarkedText({ html }: { html: string }): ReactNode {
  return splitMarks(html).map((part, index) =>
    part.marked ? <mark key={index}>{part.text}</mark> : part.text,
  );
}

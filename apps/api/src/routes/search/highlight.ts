import { foldText, type SearchTerm } from '../../commands/parse-search-query.ts';

const WORD = /[\p{L}\p{N}]+/gu;
/** Characters of context kept before the first match, and the snippet's whole length. */
const BEFORE = 60;
const LENGTH = 200;

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to place inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => escapes[ch] ?? ch);
}

/** Whether a word of the text matches a term the way the accent-insensitive FULLTEXT index does. */
function matches(token: string, terms: readonly SearchTerm[]): boolean {
  const folded = foldText(token);
  return terms.some((t) => (t.prefix ? folded.startsWith(t.word) : folded === t.word));
}

/** HTML of `text`, escaped, with every word matching a term wrapped in `<mark>`. */
export function highlight(text: string, terms: readonly SearchTerm[]): string {
  let html = '';
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    if (!matches(m[0], terms)) continue;
    html += `${escapeHtml(text.slice(at, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    at = m.index + m[0].length;
  }
  return html + escapeHtml(text.slice(at));
}

/**
 * An HTML excerpt of about 200 characters around the first word matching a term (the start of
 * the text when none does), cut at spaces, `…` where it was cut, matches in `<mark>`.
 */
export function makeSnippet(text: string, terms: readonly SearchTerm[]): string {
  let first = 0;
  for (const m of text.matchAll(WORD)) {
    if (matches(m[0], terms)) {
      first = m.index;
      break;
    }
  }
  let start = Math.max(0, first - BEFORE);
  let end = Math.min(text.length, start + LENGTH);
  if (start > 0) {
    const space = text.slice(start, first).search(/\s/);
    start = space === -1 ? first : start + space + 1;
  }
  if (end < text.length) {
    const space = text.slice(first, end).search(/\s\S*$/);
    if (space > 0) end = first + space;
  }
  const excerpt = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '… ' : ''}${highlight(excerpt, terms)}${end < text.length ? ' …' : ''}`;
}

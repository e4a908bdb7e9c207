import { AppError } from '@pluma/errors';

/** Words of a query beyond this are refused: each costs a FULLTEXT lookup. */
export const MAX_SEARCH_WORDS = 10;

/** InnoDB's minimum token size (`innodb_ft_min_token_size`, 3 by default, the same in MySQL and MariaDB). */
const MIN_TOKEN = 3;

/**
 * InnoDB's default stopword list (INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD, identical in MySQL 8
 * and MariaDB 10.11). They are never indexed, and a required (`+`) stopword makes a boolean-mode
 * search match nothing at all, so they are dropped from the expression.
 */
const STOPWORDS = new Set(
  'a about an are as at be by com de en for from how i in is it la of on or that the this to was what when where who will with und www'.split(
    ' ',
  ),
);

/** One searched word: a whole word, or the start of one (the last word of the query). */
export interface SearchTerm {
  word: string;
  prefix: boolean;
}

/** A query as FULLTEXT sees it and as the highlighter needs it. */
export interface SearchQuery {
  /** The boolean-mode expression to bind as a parameter: `+word +word +last*`; '' when no word is searchable. */
  expression: string;
  /** The searched words, folded (lower case, no diacritics), for the highlighter; `prefix` for the last one. */
  terms: SearchTerm[];
}

/** Lower case without diacritics: how the accent-insensitive collation compares, for the highlighter. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Turns user input into a boolean-mode expression no input can subvert: only runs of letters and
 * digits survive (every operator, quote, `%`, `_`, `@` and emoji is a separator), each word is
 * required, and the last one is a prefix (`word*`) so results come while typing. Words InnoDB
 * never indexes (shorter than 3 letters, stopwords) are dropped, except a stopword as the last,
 * prefix word; a last word needs 3 letters too.
 */
export function parseSearchQuery(q: string): SearchQuery {
  const raw = q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (raw.length > MAX_SEARCH_WORDS) {
    const message = `must have at most ${MAX_SEARCH_WORDS} words`;
    throw new AppError('request.invalid', `q: ${message}`, { errors: [{ path: 'q', message }] });
  }
  const words = raw.map((word) => word.toLowerCase());
  const terms: SearchTerm[] = [];
  words.forEach((word, i) => {
    // A prefix shorter than a token expands to most of the vocabulary (seconds at 100,000 pages).
    if (i === words.length - 1 && word.length >= MIN_TOKEN) terms.push({ word, prefix: true });
    else if (word.length >= MIN_TOKEN && !STOPWORDS.has(word)) terms.push({ word, prefix: false });
  });
  return {
    expression: terms.map((t) => `+${t.word}${t.prefix ? '*' : ''}`).join(' '),
    terms: terms.map((t) => ({ word: foldText(t.word), prefix: t.prefix })),
  };
}

// Control characters are exactly what needs escaping here.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\0\b\t\n\r\x1a"'\\]/;
// eslint-disable-next-line no-control-regex
const SPECIAL_ALL = /[\0\b\t\n\r\x1a"'\\]/g;
const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\x1a': '\\Z',
  '"': '\\"',
  "'": "\\'",
  '\\': '\\\\',
};

/** A string as a quoted MySQL literal (the escaping of mysql2/sqlstring, with a fast path for plain text). */
export function sqlString(value: string): string {
  if (!SPECIAL.test(value)) return `'${value}'`;
  return `'${value.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c)}'`;
}

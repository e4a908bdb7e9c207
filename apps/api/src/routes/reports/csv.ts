/** Rows as CSV text (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break). */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows
    .map((row) =>
      row
        .map((value) => {
          const text = String(value);
          return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
        })
        .join(','),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}

/** True when the client asked for CSV (`Accept: text/csv`). */
export function wantsCsv(accept: string | undefined): boolean {
  return !!accept && /(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept);
}

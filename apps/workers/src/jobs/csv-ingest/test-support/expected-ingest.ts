// An independent reading of the data set rules, written for the tests only (it shares no code with
// the ingestion): what a file should leave in the table and how many of its rows should be rejected.

export interface Expected {
  /** Valid rows by id, as stored (hired: [name, 'YYYY-MM-DD HH:MM:SS', department, job]). */
  rows: Map<number, string[]>;
  inserted: number;
  rejected: number;
  rejectedLines: number[];
}

/** Splits one line of a simple CSV: quoted fields with "" escapes, no line breaks inside fields. */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) throw new Error('unclosed quote in test fixture');
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
    } else {
      const comma = line.indexOf(',', i);
      out.push(comma === -1 ? line.slice(i) : line.slice(i, comma));
      i = comma === -1 ? line.length : comma;
    }
    if (line[i] !== ',') return out;
    i++;
  }
}

const isId = (s: string | undefined) =>
  s !== undefined && /^\d+$/.test(s) && !s.startsWith('0') && Number(s) <= 2147483647;
const isName = (s: string | undefined) => s !== undefined && s.trim() !== '' && s.length <= 200;
function isUtcDatetime(s: string | undefined): boolean {
  if (s === undefined || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(s)) return false;
  const d = new Date(s);
  return (
    !Number.isNaN(d.getTime()) &&
    d.toISOString() === s.replace('Z', '.000Z') &&
    d.getUTCFullYear() >= 1000
  );
}

/** What ingesting `text` into `dataset` should do, given the department and job ids that exist. */
export function expectIngest(
  text: string,
  dataset: 'departments' | 'jobs' | 'hired_employees',
  departments = new Set<number>(),
  jobs = new Set<number>(),
): Expected {
  const rows = new Map<number, string[]>();
  const rejectedLines: number[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    if (line === '') return;
    const f = splitLine(line);
    let ok: boolean;
    if (dataset === 'hired_employees') {
      ok =
        f.length === 5 &&
        isId(f[0]) &&
        isName(f[1]) &&
        isUtcDatetime(f[2]) &&
        isId(f[3]) &&
        isId(f[4]) &&
        departments.has(Number(f[3])) &&
        jobs.has(Number(f[4]));
    } else {
      ok = f.length === 2 && isId(f[0]) && isName(f[1]);
    }
    const id = Number(f[0]);
    if (ok && !rows.has(id)) {
      rows.set(
        id,
        dataset === 'hired_employees'
          ? [f[1]!, f[2]!.slice(0, 10) + ' ' + f[2]!.slice(11, 19), f[3]!, f[4]!]
          : [f[1]!],
      );
    } else {
      rejectedLines.push(index + 1);
    }
  });
  return { rows, inserted: rows.size, rejected: rejectedLines.length, rejectedLines };
}

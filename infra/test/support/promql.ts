import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './terraform.ts';

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/** Metric names a PromQL expression selects (functions, labels, keywords and literals left out). */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""') // strings
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // ranges
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' '); // label lists
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const word = match[0];
    const next = stripped.slice(match.index + word.length).trimStart();
    if (next.startsWith('(')) continue; // a function
    if (KEYWORDS.has(word.toLowerCase())) continue;
    names.add(word);
  }
  return [...names].sort();
}

/** The names of observability/metrics.md as they appear in a scrape (histogram series included), plus `up`. */
export function contractMetricNames(): Set<string> {
  const doc = readFileSync(join(REPO_ROOT, 'observability/metrics.md'), 'utf8');
  const names = new Set(['up']);
  for (const line of doc.split('\n')) {
    const row = /^\|\s*`([a-z0-9_]+)`([^|]*)\|\s*(\w+)\s*\|/.exec(line);
    if (!row) continue;
    const [, name, , type] = row;
    names.add(name!);
    if (type === 'histogram')
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(name! + suffix);
  }
  return names;
}

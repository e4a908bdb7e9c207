// The metric names observability/ depends on: every name used in a dashboard panel's query or an
// alert rule's expression.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Prefixes of the metrics Pluma's apps export (observability/metrics.md), plus `up`. */
const NAME = /\b(?:pluma_|nodejs_|v8js_)[a-zA-Z0-9_]+\b|\bup\b/g;

/** Metric names in a PromQL expression: label matchers and `by (...)`-style label lists removed first. */
export function metricNamesIn(expr: string): string[] {
  const withoutLabels = expr
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '')
    // A Grafana variable like $__rate_interval or a range [5m] holds no metric.
    .replace(/\$\{?\w+\}?/g, '')
    .replace(/\[[^\]]*\]/g, '');
  return [...new Set(withoutLabels.match(NAME) ?? [])];
}

function collectExprs(node: unknown, into: string[]): void {
  if (Array.isArray(node)) for (const item of node) collectExprs(item, into);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === 'expr' && typeof value === 'string') into.push(value);
      else collectExprs(value, into);
    }
}

export async function dashboardExprs(dir: string): Promise<string[]> {
  const exprs: string[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')))
    collectExprs(JSON.parse(await readFile(join(dir, file), 'utf8')), exprs);
  return exprs;
}

export interface AlertRule {
  alert: string;
  expr: string;
}

export async function alertRules(files: string[]): Promise<AlertRule[]> {
  const rules: AlertRule[] = [];
  for (const file of files) {
    const doc = parse(await readFile(file, 'utf8')) as {
      groups?: { rules?: { alert?: string; record?: string; expr: string }[] }[];
    };
    for (const group of doc.groups ?? [])
      for (const rule of group.rules ?? [])
        if (rule.alert) rules.push({ alert: rule.alert, expr: String(rule.expr) });
  }
  return rules;
}

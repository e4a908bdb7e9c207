import type { ServerKind } from './servers.ts';
import type { TraceResult } from './trace-scenario.ts';
import type { TypingResult } from './typing-scenario.ts';

type Cell = string;

function table(header: string[], rows: Cell[][]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: Cell[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function ms(value: number | null | undefined): Cell {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  return value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : value.toFixed(0);
}

function num(value: number | null | undefined, digits = 1): Cell {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '-'
    : value.toFixed(digits);
}

function ratio(a: number | null | undefined, b: number | null | undefined): Cell {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return '-';
  return `${(a / b).toFixed(2)}x`;
}

const MB = 1024 * 1024;

function typingCells(r: TypingResult): (number | null)[] {
  return [
    r.peer.p50,
    r.peer.p99,
    r.ack.p50,
    r.ack.p99,
    r.serverProcess.cpuPercent,
    r.serverProcess.dbCpuPercent,
    r.serverProcess.rssPeakBytes === null ? null : r.serverProcess.rssPeakBytes / MB,
    r.rssPerDocBytes === null ? null : r.rssPerDocBytes / 1024,
  ];
}

/** Pairs results by scenario, in run order, with an a/b row after each pair. */
function byScenario<T extends { server: ServerKind }>(
  results: T[],
  key: (r: T) => string,
): [string, Partial<Record<ServerKind, T>>][] {
  const groups = new Map<string, Partial<Record<ServerKind, T>>>();
  for (const result of results) {
    const group = groups.get(key(result)) ?? {};
    group[result.server] = result;
    groups.set(key(result), group);
  }
  return [...groups];
}

const SERVER_LABEL: Record<ServerKind, string> = { pluma: '(a) pluma', stock: '(b) stock' };

export function typingTable(results: TypingResult[]): string {
  const rows: Cell[][] = [];
  for (const [scenario, group] of byScenario(results, (r) => r.scenario)) {
    for (const kind of ['pluma', 'stock'] as const) {
      const r = group[kind];
      if (!r) continue;
      const [p50, p99, a50, a99, cpu, dbCpu, rss, perDoc] = typingCells(r);
      rows.push([
        scenario,
        SERVER_LABEL[kind],
        ms(p50),
        ms(p99),
        ms(a50),
        ms(a99),
        num(cpu, 0),
        num(dbCpu, 0),
        num(rss, 0),
        r.pages > 1 ? num(perDoc, 1) : '-',
        `${(r.delivered * 100).toFixed(1)}%`,
        num(r.loadAverage, 1),
      ]);
    }
    if (group.pluma && group.stock) {
      const a = typingCells(group.pluma);
      const b = typingCells(group.stock);
      rows.push([
        scenario,
        'a/b',
        ...a.map((value, i) => (i === 7 && group.pluma!.pages === 1 ? '-' : ratio(value, b[i]))),
        '',
        '',
      ]);
    }
  }
  return table(
    [
      'scenario',
      'server',
      'peer p50',
      'peer p99',
      'ack p50',
      'ack p99',
      'CPU %',
      'DB CPU %',
      'RSS MB',
      'RSS/doc KB',
      'delivered',
      'load',
    ],
    rows,
  );
}

export function traceTable(results: TraceResult[]): string {
  const rows: Cell[][] = [];
  for (const segment of ['rhythm', 'fast'] as const) {
    const runs = results.map((r) => ({ server: r.server, s: r[segment] }));
    for (const { server, s } of runs) {
      rows.push([
        segment === 'rhythm' ? 'at rhythm' : 'as fast as acks',
        SERVER_LABEL[server],
        String(s.edits),
        num(s.ms / 1000, 1),
        num(s.editsPerSecond, 0),
        ms(s.ack.p50),
        ms(s.ack.p99),
        ms(s.peer.p50),
        ms(s.peer.p99),
        num(s.serverProcess.cpuPercent, 0),
        num(s.serverProcess.dbCpuPercent, 0),
        num(s.loadAverage, 1),
      ]);
    }
    const a = runs.find((r) => r.server === 'pluma')?.s;
    const b = runs.find((r) => r.server === 'stock')?.s;
    if (a && b) {
      rows.push([
        segment === 'rhythm' ? 'at rhythm' : 'as fast as acks',
        'a/b',
        '',
        ratio(a.ms, b.ms),
        ratio(a.editsPerSecond, b.editsPerSecond),
        ratio(a.ack.p50, b.ack.p50),
        ratio(a.ack.p99, b.ack.p99),
        ratio(a.peer.p50, b.peer.p50),
        ratio(a.peer.p99, b.peer.p99),
        ratio(a.serverProcess.cpuPercent, b.serverProcess.cpuPercent),
        ratio(a.serverProcess.dbCpuPercent, b.serverProcess.dbCpuPercent),
        '',
      ]);
    }
  }
  return table(
    [
      'trace replay',
      'server',
      'edits',
      'seconds',
      'edits/s',
      'ack p50',
      'ack p99',
      'peer p50',
      'peer p99',
      'CPU %',
      'DB CPU %',
      'load',
    ],
    rows,
  );
}

export function coldTable(results: TraceResult[]): string {
  const rows: Cell[][] = results.map(({ parse, ...r }) => [
    'cold load',
    SERVER_LABEL[r.server],
    num(r.stateBytes / 1024, 0),
    ms(r.cold.coldMedianMs),
    ms(r.cold.warmMedianMs),
    ms(r.cold.loadMs),
    ms(parse?.freshMedianMs),
    ms(parse?.warmMedianMs),
    ratio(r.cold.loadMs, parse?.freshMedianMs),
    ratio(r.cold.loadMs, parse?.warmMedianMs),
    r.cold.textMatches && r.finalTextMatches ? 'yes' : 'NO',
  ]);
  return table(
    [
      'page from MySQL',
      'server',
      'state KB',
      'cold sync',
      'warm sync',
      'load=cold-warm',
      'parse fresh',
      'parse warm',
      'load/fresh',
      'load/warm',
      'text ok',
    ],
    rows,
  );
}

export interface GoalCheck {
  goal: string;
  value: string;
  met: boolean | null;
}

export function checkGoals(
  typing: TypingResult[],
  traces: TraceResult[],
  editorsForGoal: number,
): GoalCheck[] {
  const goals: GoalCheck[] = [];
  const label = `${editorsForGoal} editors`;
  const a = typing.find((r) => r.scenario === label && r.server === 'pluma');
  const b = typing.find((r) => r.scenario === label && r.server === 'stock');
  if (a && b && a.peer.p99 !== null && b.peer.p99 !== null) {
    const relative = a.peer.p99 / b.peer.p99;
    goals.push({
      goal: `p99 keystroke-to-peer at ${label} <= 1.25x stock`,
      value: `${ms(a.peer.p99)} ms vs ${ms(b.peer.p99)} ms = ${relative.toFixed(2)}x`,
      met: relative <= 1.25,
    });
  }
  if (a && a.peer.p99 !== null) {
    goals.push({
      goal: `p99 keystroke-to-peer at ${label} <= 25 ms`,
      value: `${ms(a.peer.p99)} ms`,
      met: a.peer.p99 <= 25,
    });
  }
  const trace = traces.find((r) => r.server === 'pluma');
  const parse = trace?.parse;
  if (trace && trace.cold.loadMs !== null && parse?.freshMedianMs) {
    const relative = trace.cold.loadMs / parse.freshMedianMs;
    goals.push({
      goal: 'cold load from MySQL <= 1.5x in-memory Y.applyUpdate (fresh process)',
      value: `${ms(trace.cold.loadMs)} ms vs ${ms(parse.freshMedianMs)} ms = ${relative.toFixed(2)}x`,
      met: relative <= 1.5,
    });
  }
  return goals;
}

export function goalsText(goals: GoalCheck[]): string {
  if (goals.length === 0)
    return 'goals: not evaluated (need both servers and the 50-editor and trace scenarios)';
  return goals
    .map((g) => `  [${g.met === null ? '?' : g.met ? 'met' : 'NOT met'}] ${g.goal}: ${g.value}`)
    .join('\n');
}

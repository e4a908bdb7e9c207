import { parseArgs } from 'node:util';
import type { ServerKind } from './servers.ts';

export interface BenchOptions {
  quick: boolean;
  servers: ServerKind[];
  only: Set<'typing' | 'pages' | 'trace'>;
  editors: number[];
  rateHz: number;
  observers: number;
  pages: number;
  pagesEditors: number;
  pagesRateHz: number;
  warmupMs: number;
  durationMs: number;
  workers: number;
  rhythmMs: number;
  gapCapMs: number;
  traceEdits: number | null;
  window: number;
  coldRuns: number;
  databaseUrl: string;
  redisUrl: string;
}

const HELP = `bench/collab: Pluma collab (a) against stock Hocuspocus + extension-database (b)

  node bench/collab/run.ts [--quick] [options]

  --quick               small scale smoke run (~3 min)
  --servers=pluma,stock which servers to run (default both)
  --only=typing,pages,trace
  --editors=10,50,100   editors on one page, one scenario each
  --rate=5              keystrokes per second per editor
  --observers=20        editors per page that apply every update and measure latency
                        (the others type and drop incoming updates; the server's work is the same)
  --pages=1000 --pages-editors=3 --pages-rate=0.5
  --warmup=3 --duration=20   seconds per scenario (warm-up not recorded)
  --workers=4           client processes
  --rhythm=60           seconds of the trace replayed at the author's rhythm
  --gap-cap=1000        pauses longer than this (ms) are shortened to it
  --trace-edits=N       edits of the trace replayed in total (default all 259,778)
  --window=16           unacknowledged updates in flight during the fast replay
  --cold-runs=5         cold loads per server
  --database=mysql://root@127.0.0.1:3306/   (a database pluma_bench_* is created and dropped)
  --redis=redis://127.0.0.1:6379`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      servers: { type: 'string' },
      only: { type: 'string' },
      editors: { type: 'string' },
      rate: { type: 'string' },
      observers: { type: 'string' },
      pages: { type: 'string' },
      'pages-editors': { type: 'string' },
      'pages-rate': { type: 'string' },
      warmup: { type: 'string' },
      duration: { type: 'string' },
      workers: { type: 'string' },
      rhythm: { type: 'string' },
      'gap-cap': { type: 'string' },
      'trace-edits': { type: 'string' },
      window: { type: 'string' },
      'cold-runs': { type: 'string' },
      database: { type: 'string' },
      redis: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = values.quick;
  const num = (value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`not a number: ${value}`);
    return parsed;
  };
  const list = (value: string | undefined, fallback: string[]) =>
    value
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : fallback;
  const servers = list(values.servers, ['pluma', 'stock']) as ServerKind[];
  for (const server of servers)
    if (server !== 'pluma' && server !== 'stock') throw new Error(`unknown server: ${server}`);
  const only = new Set(list(values.only, ['typing', 'pages', 'trace'])) as BenchOptions['only'];
  return {
    quick,
    servers,
    only,
    editors: list(values.editors, quick ? ['5', '10'] : ['10', '50', '100']).map(Number),
    rateHz: num(values.rate, 5),
    observers: num(values.observers, 20),
    pages: num(values.pages, quick ? 50 : 1000),
    pagesEditors: num(values['pages-editors'], 3),
    pagesRateHz: num(values['pages-rate'], 0.5),
    warmupMs: num(values.warmup, quick ? 1 : 3) * 1000,
    durationMs: num(values.duration, quick ? 5 : 20) * 1000,
    workers: num(values.workers, 4),
    rhythmMs: num(values.rhythm, quick ? 8 : 60) * 1000,
    gapCapMs: num(values['gap-cap'], 1000),
    traceEdits:
      values['trace-edits'] === undefined ? (quick ? 5000 : null) : num(values['trace-edits'], 0),
    window: num(values.window, 16),
    coldRuns: num(values['cold-runs'], quick ? 2 : 5),
    databaseUrl: values.database ?? 'mysql://root@127.0.0.1:3306/',
    redisUrl: values.redis ?? 'redis://127.0.0.1:6379',
  };
}

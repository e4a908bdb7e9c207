// bench/collab: the same collaborative-editing workload against (a) Pluma's collab server and
// (b) stock Hocuspocus with extension-database, on one MySQL. See README.md for the method.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '@pluma/db';
import { parseOptions } from './options.ts';
import { installCleanup, killAll } from './processes.ts';
import { findDatabasePid } from './proc-stats.ts';
import { checkGoals, coldTable, goalsText, traceTable, typingTable } from './report.ts';
import { createBenchDatabase, type BenchDatabase } from './seed.ts';
import { REPO_ROOT, type ServerEnv } from './servers.ts';
import { TRACE_CREDIT, loadTrace, type Trace } from './trace.ts';
import { parseBaseline, runTrace, type TraceResult } from './trace-scenario.ts';
import { runTyping, type TypingResult } from './typing-scenario.ts';

const GOAL_EDITORS = 50;

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function git(...args: string[]): string | null {
  try {
    return execFileSync('git', ['-C', REPO_ROOT, ...args], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function databaseVersion(url: string): Promise<string | null> {
  const endpoint = parseDatabaseUrl(url);
  try {
    const connection = await mysql.createConnection({
      host: endpoint.host,
      port: endpoint.port,
      user: endpoint.user,
      ...(endpoint.password === undefined ? {} : { password: endpoint.password }),
    });
    const [rows] = await connection.query('SELECT VERSION() AS version');
    await connection.end();
    return (rows as { version: string }[])[0]?.version ?? null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (
    options.servers.includes('pluma') &&
    !existsSync(fileURLToPath(new URL('../../apps/collab/src/main.ts', import.meta.url)))
  ) {
    throw new Error(
      'apps/collab/src/main.ts does not exist yet: run with --servers=stock, or build the Pluma collab server first',
    );
  }
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const trace: Trace | null = options.only.has('trace') ? loadTrace() : null;
  const dbPid = findDatabasePid();

  const typingPages = options.only.has('typing') ? options.editors.length : 0;
  const openPages = options.only.has('pages') ? options.pages : 0;
  const users = Math.max(
    1,
    options.pagesEditors,
    ...(options.only.has('typing') ? options.editors : [1]),
  );
  let db: BenchDatabase | null = null;
  installCleanup(async () => {
    await db?.drop();
  });

  log(`creating the bench database (${users} editors, ${typingPages + openPages + 2} pages)`);
  db = await createBenchDatabase(options.databaseUrl, users, typingPages + openPages + 2);
  const env: ServerEnv = {
    databaseUrl: db.url,
    redisUrl: options.redisUrl,
    jwtSecret: db.jwtSecret,
    redisPrefix: `bench:${db.name}:`,
  };
  const typing: TypingResult[] = [];
  const traces: TraceResult[] = [];
  try {
    let nextPage = 0;
    if (options.only.has('typing')) {
      for (const [index, editors] of options.editors.entries()) {
        const pageId = db.pageIds[nextPage++] as number;
        // Alternate which server goes first, so a drift in the machine's load does not always favour one.
        const order = index % 2 === 0 ? options.servers : [...options.servers].reverse();
        for (const kind of order) {
          log(`${editors} editors on one page at ${options.rateHz}/s: ${kind}`);
          const result = await runTyping(
            kind,
            env,
            db.tokens,
            {
              label: `${editors} editors`,
              pageIds: [pageId],
              editorsPerPage: editors,
              observersPerPage: Math.min(editors, options.observers),
              rateHz: options.rateHz,
              workers: Math.min(options.workers, editors),
              warmupMs: options.warmupMs,
              durationMs: options.durationMs,
              openConcurrency: 10,
            },
            dbPid,
          );
          typing.push(result);
          log(
            `  peer p50 ${result.peer.p50?.toFixed(2)} p99 ${result.peer.p99?.toFixed(2)} ms, ack p99 ${result.ack.p99?.toFixed(2)} ms, delivered ${(result.delivered * 100).toFixed(1)}%`,
          );
        }
      }
    }
    if (options.only.has('pages')) {
      const pageIds = db.pageIds.slice(nextPage, nextPage + options.pages);
      nextPage += options.pages;
      for (const kind of options.servers) {
        log(
          `${options.pages} open pages x ${options.pagesEditors} editors at ${options.pagesRateHz}/s each: ${kind}`,
        );
        const result = await runTyping(
          kind,
          env,
          db.tokens,
          {
            label: `${options.pages} pages x ${options.pagesEditors}`,
            pageIds,
            editorsPerPage: options.pagesEditors,
            observersPerPage: options.pagesEditors,
            rateHz: options.pagesRateHz,
            workers: options.workers,
            warmupMs: options.warmupMs,
            durationMs: options.durationMs,
            openConcurrency: 25,
          },
          dbPid,
        );
        typing.push(result);
        log(
          `  opened in ${(result.openMs / 1000).toFixed(1)} s; peer p99 ${result.peer.p99?.toFixed(2)} ms; RSS/doc ${result.rssPerDocBytes === null ? '-' : (result.rssPerDocBytes / 1024).toFixed(1)} KB`,
        );
      }
    } else {
      nextPage += openPages;
    }
    if (trace) {
      const pageId = db.pageIds[nextPage++] as number;
      const warmupPageId = db.pageIds[nextPage++] as number;
      const totalEdits = Math.min(trace.edits.length, options.traceEdits ?? trace.edits.length);
      for (const kind of options.servers) {
        log(`editing trace (${totalEdits} edits): ${kind}`);
        const result = await runTrace(
          kind,
          env,
          db.tokens[0] as string,
          trace,
          {
            pageId,
            warmupPageId,
            rhythmMs: options.rhythmMs,
            gapCapMs: options.gapCapMs,
            totalEdits,
            window: options.window,
            coldRuns: options.coldRuns,
          },
          dbPid,
        );
        result.parse = parseBaseline(result.state, Math.max(3, options.coldRuns));
        traces.push(result);
        log(
          `  fast replay ${result.fast.editsPerSecond.toFixed(0)} edits/s; cold load ${result.cold.loadMs?.toFixed(2)} ms vs parse ${result.parse.freshMedianMs?.toFixed(2)} ms`,
        );
      }
    }
  } finally {
    await db.drop().catch((error: unknown) => log(`could not drop ${db?.name}: ${String(error)}`));
  }

  const finishedAt = new Date();
  const loadAfter = os.loadavg();
  const goals = checkGoals(typing, traces, GOAL_EDITORS);
  const notes = [
    `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} at start, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} at end`,
    `each editor types ${options.rateHz} keystrokes/s (one-character inserts, each its own update); ${options.pages}-page scenario: ${options.pagesRateHz}/s per editor`,
    `keystroke-to-peer is measured on up to ${options.observers} full peers per page (they apply every update, like a browser tab); other editors type and drop incoming updates, which keeps the 2-core machine's client processes from dominating while the server does the same work`,
    'each scenario runs (a) and (b) on freshly started servers one after the other, alternating which goes first',
    `${options.warmupMs / 1000} s warm-up then ${options.durationMs / 1000} s measured; clients in ${options.workers} processes, one WebSocket each`,
    "load = the machine's 1-minute load average at the end of that measurement (2 cores; other work on the machine shows here)",
    'CPU % is of one core over the measured window; DB CPU % is the database server process (shared with anything else using it)',
    'RSS/doc = (mean server RSS while typing - RSS before any document opened) / pages, connections included',
    '(b) stock Hocuspocus runs without authentication; (a) verifies a JWT and the role per connection',
    `trace: first ${traces[0]?.rhythm.edits ?? '-'} edits at the author's rhythm (same-second edits spread over the second, pauses capped at ${options.gapCapMs} ms), then the rest as fast as acknowledgements allow (at most ${options.window} unacknowledged)`,
    'cold load: on a freshly started server (after one connection to an empty page), connect->synced of an empty Y.Doc for the replayed page minus the same again with the page already in memory; parse: the first Y.applyUpdate(new Y.Doc(), state) in each of several fresh processes',
    TRACE_CREDIT,
  ];

  const output = [
    `bench/collab  ${startedAt.toISOString()} -> ${finishedAt.toISOString()}`,
    '',
    typing.length ? typingTable(typing) : '',
    '',
    traces.length ? traceTable(traces) : '',
    '',
    traces.length ? coldTable(traces) : '',
    '',
    'goals:',
    goalsText(goals),
    '',
    ...notes.map((note) => `* ${note}`),
  ].join('\n');
  console.log(output);

  const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  const file = `${resultsDir}collab-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  const json = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryBytes: os.totalmem(),
      loadBefore,
      loadAfter,
      node: process.version,
      database: await databaseVersion(options.databaseUrl),
      commit: git('rev-parse', 'HEAD'),
      collabCommit: git('log', '-1', '--format=%H %s', '--', 'apps/collab'),
    },
    options: { ...options, only: [...options.only] },
    typing,
    trace: traces.map(({ state: _state, ...rest }) => rest),
    goals,
    notes,
    table: output,
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nJSON: ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    killAll();
    process.exit(1);
  },
);

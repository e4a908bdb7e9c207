import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './clock.ts';
import { ProcessSampler, type ProcessSample } from './proc-stats.ts';
import { startServer, type ServerEnv, type ServerKind } from './servers.ts';
import { median, summarize, type Summary } from './stats.ts';
import { editsWithin, rhythmOffsets, type Trace } from './trace.ts';
import { closeWorkers, startWorkers, type ClientWorker } from './workers.ts';

export interface TraceOptions {
  pageId: number;
  /** An empty page opened first on each fresh server, so the cold load does not also pay for the first connection. */
  warmupPageId: number;
  /** Wall-clock budget of the at-rhythm slice, ms. */
  rhythmMs: number;
  /** Pauses longer than this are shortened to it during the at-rhythm slice. */
  gapCapMs: number;
  /** Edits replayed in total (rhythm slice + fast remainder). */
  totalEdits: number;
  /** Unacknowledged updates allowed in flight during the fast replay. */
  window: number;
  coldRuns: number;
}

export interface ReplaySegment {
  mode: 'rhythm' | 'fast';
  edits: number;
  ms: number;
  editsPerSecond: number;
  ack: Summary;
  peer: Summary;
  unacked: number;
  serverProcess: ProcessSample;
  /** The machine's 1-minute load average when the segment ended. */
  loadAverage: number;
}

export interface ColdLoad {
  runs: number;
  /** Connect → synced of the first client on a freshly started server (an empty page: connection, auth and pool warm-up). */
  firstConnectionMs: number[];
  /** Connect → synced of a client with an empty Y.Doc for the replayed page, not yet in the server's memory. */
  coldMs: number[];
  /** The same, right after, with the document already in the server's memory. */
  warmMs: number[];
  /** Median of per-run (cold − warm): what loading from MySQL adds. */
  loadMs: number | null;
  coldMedianMs: number | null;
  warmMedianMs: number | null;
  /** Every cold-loaded document had exactly the replayed text. */
  textMatches: boolean;
}

export interface TraceResult {
  server: ServerKind;
  rhythm: ReplaySegment;
  fast: ReplaySegment;
  finalTextMatches: boolean;
  stateBytes: number;
  cold: ColdLoad;
  /** Encoded state, for the in-memory parse baseline (not written to JSON). */
  state: Uint8Array;
  /** Y.applyUpdate of that same state in memory. */
  parse?: ParseBaseline;
}

async function replaySegment(
  author: ClientWorker,
  reader: ClientWorker,
  serverPid: number,
  dbPid: number | null,
  request: {
    mode: 'rhythm' | 'fast';
    from: number;
    to: number;
    offsets?: Float64Array;
    window: number;
  },
): Promise<ReplaySegment> {
  await reader.request({ t: 'record' }, 'recording', 30_000);
  const sampler = new ProcessSampler(serverPid, dbPid);
  sampler.start();
  const replayed = await author.request(
    { t: 'replay', client: 0, ...request },
    'replayed',
    60 * 60_000,
  );
  const serverProcess = sampler.stop();
  await sleep(500);
  const collected = await reader.request(
    { t: 'collect', sends: [replayed.sends] },
    'collected',
    120_000,
  );
  return {
    mode: request.mode,
    edits: replayed.ops,
    ms: replayed.ms,
    editsPerSecond: replayed.ops / (replayed.ms / 1000),
    ack: summarize(replayed.ackMs),
    peer: summarize(collected.latencies),
    unacked: replayed.unacked,
    serverProcess,
    loadAverage: os.loadavg()[0] ?? 0,
  };
}

/**
 * Replays the editing trace through a provider (a second provider reads along), first a slice
 * at the author's compressed rhythm, then the rest as fast as acknowledgements allow; then
 * measures cold loads of the resulting page on freshly started servers.
 */
export async function runTrace(
  kind: ServerKind,
  env: ServerEnv,
  token: string,
  trace: Trace,
  options: TraceOptions,
  dbPid: number | null,
): Promise<TraceResult> {
  const name = `page:${options.pageId}`;
  const server = await startServer(kind, env);
  let workers: ClientWorker[] = [];
  let rhythm: ReplaySegment;
  let fast: ReplaySegment;
  let state: Uint8Array;
  let text: string;
  try {
    workers = await startWorkers(2);
    const [author, reader] = workers as [ClientWorker, ClientWorker];
    await author.request(
      { t: 'open', clients: [{ url: server.url, name, token, observer: true }], concurrency: 1 },
      'opened',
      60_000,
    );
    await reader.request(
      { t: 'open', clients: [{ url: server.url, name, token, observer: true }], concurrency: 1 },
      'opened',
      60_000,
    );

    const rhythmEdits = Math.min(
      options.totalEdits,
      editsWithin(trace.times, 0, options.rhythmMs, options.gapCapMs),
    );
    const offsets = rhythmOffsets(trace.times, 0, rhythmEdits, options.gapCapMs);
    rhythm = await replaySegment(author, reader, server.pid, dbPid, {
      mode: 'rhythm',
      from: 0,
      to: rhythmEdits,
      offsets,
      window: 1,
    });
    fast = await replaySegment(author, reader, server.pid, dbPid, {
      mode: 'fast',
      from: rhythmEdits,
      to: options.totalEdits,
      window: options.window,
    });

    const snapshot = await author.request({ t: 'snapshot', client: 0 }, 'snapshot', 60_000);
    const readerSnapshot = await reader.request({ t: 'snapshot', client: 0 }, 'snapshot', 60_000);
    state = snapshot.state;
    text = snapshot.text;
    if (readerSnapshot.text !== text)
      throw new Error(
        `${kind}: the reading peer's text differs from the author's after the replay`,
      );
    // Every client leaves (the document unloads: Pluma compacts, stock stores), then a graceful stop.
    await closeWorkers(workers);
    workers = [];
    await sleep(3000);
  } catch (error) {
    const lines = server.output();
    if (lines.length) console.error(`${kind} server output:\n${lines.join('\n')}`);
    throw error;
  } finally {
    await closeWorkers(workers);
    await server.stop('SIGTERM');
  }

  const expectedText = options.totalEdits === trace.edits.length ? trace.finalText : text;
  const cold = await coldLoads(
    kind,
    env,
    token,
    name,
    `page:${options.warmupPageId}`,
    text,
    options.coldRuns,
  );
  return {
    server: kind,
    rhythm,
    fast,
    finalTextMatches: text === expectedText,
    stateBytes: state.byteLength,
    cold,
    state,
  };
}

async function coldLoads(
  kind: ServerKind,
  env: ServerEnv,
  token: string,
  name: string,
  warmupName: string,
  text: string,
  runs: number,
): Promise<ColdLoad> {
  const [worker] = (await startWorkers(1)) as [ClientWorker];
  const firstConnectionMs: number[] = [];
  const coldMs: number[] = [];
  const warmMs: number[] = [];
  let textMatches = true;
  try {
    for (let run = 0; run < runs; run++) {
      const server = await startServer(kind, env);
      try {
        await sleep(300);
        const warmup = await worker.request(
          {
            t: 'open',
            clients: [{ url: server.url, name: warmupName, token, observer: true }],
            concurrency: 1,
          },
          'opened',
          120_000,
        );
        firstConnectionMs.push(warmup.syncMs[0] as number);
        await worker.request({ t: 'reset' }, 'reset', 60_000);
        const first = await worker.request(
          {
            t: 'open',
            clients: [{ url: server.url, name, token, observer: true }],
            concurrency: 1,
          },
          'opened',
          120_000,
        );
        const second = await worker.request(
          {
            t: 'open',
            clients: [{ url: server.url, name, token, observer: true }],
            concurrency: 1,
          },
          'opened',
          120_000,
        );
        coldMs.push(first.syncMs[0] as number);
        warmMs.push(second.syncMs[0] as number);
        const loaded = await worker.request({ t: 'snapshot', client: 0 }, 'snapshot', 60_000);
        if (loaded.text !== text) textMatches = false;
        await worker.request({ t: 'reset' }, 'reset', 60_000);
        await sleep(500);
      } finally {
        await server.stop('SIGTERM');
      }
    }
  } finally {
    await closeWorkers([worker]);
  }
  const loads = coldMs.map((cold, i) => cold - (warmMs[i] as number));
  return {
    runs,
    firstConnectionMs,
    coldMs,
    warmMs,
    loadMs: median(loads),
    coldMedianMs: median(coldMs),
    warmMedianMs: median(warmMs),
    textMatches,
  };
}

export interface ParseBaseline {
  /** First Y.applyUpdate in each fresh process (cold JIT, like a freshly started server). */
  freshMs: number[];
  freshMedianMs: number | null;
  /** Median of the following applyUpdates in the same processes (warm JIT). */
  warmMedianMs: number | null;
}

/** Y.applyUpdate(new Y.Doc(), state) timed in fresh processes. */
export function parseBaseline(state: Uint8Array, processes: number): ParseBaseline {
  const dir = mkdtempSync(join(tmpdir(), 'pluma-bench-'));
  const file = join(dir, 'state.bin');
  writeFileSync(file, state);
  const probe = fileURLToPath(new URL('./parse-probe.ts', import.meta.url));
  const fresh: number[] = [];
  const warm: number[] = [];
  try {
    for (let i = 0; i < processes; i++) {
      const out = execFileSync(process.execPath, [probe, file, '8'], { encoding: 'utf8' });
      const { times } = JSON.parse(out) as { times: number[] };
      fresh.push(times[0] as number);
      warm.push(...times.slice(1));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { freshMs: fresh, freshMedianMs: median(fresh), warmMedianMs: median(warm) };
}

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * The real-world editing trace (the Yjs/Automerge benchmarks' B4): the keystroke history of
 * writing "A Conflict-Free Replicated JSON Datatype" by Martin Kleppmann and Alastair R.
 * Beresford, from the automerge-perf repository, CC BY 4.0. Read from the shared fixtures
 * beside the repository (CI puts `shared/` at `../shared`), not copied in.
 */
export const TRACE_PATH = fileURLToPath(
  new URL('../../../shared/fixtures/editing-trace/editing-trace.json.gz', import.meta.url),
);

export const TRACE_CREDIT =
  'editing trace: Kleppmann & Beresford, "A Conflict-Free Replicated JSON Datatype" paper history (automerge-perf), CC BY 4.0';

/** [position, deleteCount, insertText], positions in characters before the operation. */
export type TraceEdit = [number, number, string];

export interface Trace {
  edits: TraceEdit[];
  /** Unix seconds of each operation. */
  times: number[];
  finalText: string;
}

export function loadTrace(): Trace {
  if (!existsSync(TRACE_PATH)) {
    throw new Error(
      `editing trace not found at ${TRACE_PATH}: the bench expects the shared fixtures beside the repository (../shared/fixtures/editing-trace/editing-trace.json.gz)`,
    );
  }
  const parsed = JSON.parse(gunzipSync(readFileSync(TRACE_PATH)).toString('utf8')) as Trace;
  if (!Array.isArray(parsed.edits) || parsed.edits.length !== parsed.times.length) {
    throw new Error(`editing trace at ${TRACE_PATH} is not in the expected format`);
  }
  return parsed;
}

/**
 * Send offsets (ms from the start) reproducing the author's rhythm for edits [from, to).
 * The trace has one-second resolution, so operations within one second are spread evenly
 * over it; any pause longer than capMs is shortened to capMs (the real history spans
 * 309 days).
 */
export function rhythmOffsets(
  times: readonly number[],
  from: number,
  to: number,
  capMs: number,
): Float64Array {
  const offsets = new Float64Array(to - from);
  let previous: number | null = null;
  let offset = 0;
  let groupStart = from;
  for (let i = from; i < to; i++) {
    const second = times[i] as number;
    if (i === from || second !== times[i - 1]) groupStart = i;
    let groupEnd = i + 1;
    while (groupEnd < times.length && times[groupEnd] === second) groupEnd++;
    const exact = second * 1000 + ((i - groupStart) * 1000) / (groupEnd - groupStart);
    if (previous !== null) offset += Math.min(capMs, exact - previous);
    previous = exact;
    offsets[i - from] = offset;
  }
  return offsets;
}

/** How many edits from `from` fit into durationMs at the compressed rhythm. */
export function editsWithin(
  times: readonly number[],
  from: number,
  durationMs: number,
  capMs: number,
): number {
  const offsets = rhythmOffsets(
    times,
    from,
    Math.min(times.length, from + Math.ceil(durationMs / 20) + 10),
    capMs,
  );
  let count = 0;
  while (count < offsets.length && (offsets[count] as number) <= durationMs) count++;
  return count;
}

import os from 'node:os';
import { nowMs, sleep } from './clock.ts';
import { ProcessSampler, rssBytes, type ProcessSample } from './proc-stats.ts';
import { startServer, type ServerEnv, type ServerKind } from './servers.ts';
import { summarize, type Summary } from './stats.ts';
import { closeWorkers, startWorkers } from './workers.ts';
import type { ClientSpec, SendLog } from './worker-protocol.ts';

export interface TypingScenario {
  label: string;
  pageIds: number[];
  editorsPerPage: number;
  /** Editors per page that apply remote updates and measure latency; the others only type. */
  observersPerPage: number;
  /** Keystrokes per second per editor. */
  rateHz: number;
  workers: number;
  warmupMs: number;
  durationMs: number;
  /** Connections opened at once per worker. */
  openConcurrency: number;
}

export interface TypingResult {
  scenario: string;
  server: ServerKind;
  pages: number;
  editors: number;
  /** Editors that applied every update and measured latency (the rest only typed). */
  observers: number;
  rateHz: number;
  keystrokes: number;
  /** Keystroke (local edit) to the moment a peer's Y.Doc holds it, over every (keystroke, peer). */
  peer: Summary;
  /** Share of expected (keystroke, peer) deliveries that arrived before collection. */
  delivered: number;
  /** Local edit to the server's acknowledgement (provider's unsynced count going down). */
  ack: Summary;
  unacked: number;
  openMs: number;
  serverProcess: ProcessSample;
  rssIdleBytes: number | null;
  rssOpenBytes: number | null;
  /** (mean RSS while typing − RSS before any document opened) / pages, bytes. */
  rssPerDocBytes: number | null;
  serverStartMs: number;
  /** The machine's 1-minute load average at the end of the measured window. */
  loadAverage: number;
}

/** Runs one typing scenario against a fresh server process of the given kind. */
export async function runTyping(
  kind: ServerKind,
  env: ServerEnv,
  tokens: string[],
  scenario: TypingScenario,
  dbPid: number | null,
): Promise<TypingResult> {
  const server = await startServer(kind, env);
  const workers = await startWorkers(scenario.workers).catch(async (error: unknown) => {
    await server.stop('SIGKILL');
    throw error;
  });
  try {
    await sleep(500);
    const rssIdleBytes = rssBytes(server.pid);

    // Editor j of page p lives in worker (p + j) mod W, so a page's editors sit in different processes.
    const perWorker: ClientSpec[][] = workers.map(() => []);
    scenario.pageIds.forEach((pageId, p) => {
      for (let j = 0; j < scenario.editorsPerPage; j++) {
        perWorker[(p + j) % workers.length]?.push({
          url: server.url,
          name: `page:${pageId}`,
          token: tokens[j % tokens.length] as string,
          observer: j < scenario.observersPerPage,
        });
      }
    });
    const openStarted = nowMs();
    await Promise.all(
      workers.map((worker, i) =>
        worker.request(
          { t: 'open', clients: perWorker[i] ?? [], concurrency: scenario.openConcurrency },
          'opened',
          15 * 60_000,
        ),
      ),
    );
    const openMs = nowMs() - openStarted;
    await sleep(1000);
    const rssOpenBytes = rssBytes(server.pid);

    const startAt = nowMs() + 300;
    const recordFrom = startAt + scenario.warmupMs;
    const endAt = recordFrom + scenario.durationMs;
    const sampler = new ProcessSampler(server.pid, dbPid);
    let sample: ProcessSample | undefined;
    const samplerStart = setTimeout(() => sampler.start(), recordFrom - nowMs());
    const samplerStop = new Promise<void>((resolve) =>
      setTimeout(() => {
        sample = sampler.stop();
        resolve();
      }, endAt - nowMs()),
    );
    const typed = await Promise.all(
      workers.map((worker, i) =>
        worker.request(
          {
            t: 'type',
            startAt,
            recordFrom,
            endAt,
            rateHz: scenario.rateHz,
            typists: (perWorker[i] ?? []).map((_, k) => k),
          },
          'typed',
          endAt - nowMs() + 120_000,
        ),
      ),
    );
    await samplerStop;
    clearTimeout(samplerStart);
    const loadAverage = os.loadavg()[0] ?? 0;
    // Acknowledged means the server relayed it too; give the last relays a moment to land.
    await sleep(1000);
    const sends: SendLog[] = typed.map((reply) => reply.sends);
    const collected = await Promise.all(
      workers.map((worker) => worker.request({ t: 'collect', sends }, 'collected', 120_000)),
    );

    const keystrokes = sends.reduce((n, log) => n + log.clients.length, 0);
    // Each keystroke should reach every full peer on its page but its own sender.
    const observers = Math.min(scenario.observersPerPage, scenario.editorsPerPage);
    const expected =
      keystrokes * observers - typed.reduce((n, reply) => n + reply.observerSends, 0);
    const received = collected.reduce((n, reply) => n + reply.received, 0);
    const serverSample = sample as ProcessSample;
    return {
      scenario: scenario.label,
      server: kind,
      pages: scenario.pageIds.length,
      editors: scenario.pageIds.length * scenario.editorsPerPage,
      observers: scenario.pageIds.length * observers,
      rateHz: scenario.rateHz,
      keystrokes,
      peer: summarize(collected.map((reply) => reply.latencies)),
      delivered: expected === 0 ? 1 : received / expected,
      ack: summarize(typed.map((reply) => reply.ackMs)),
      unacked: typed.reduce((n, reply) => n + reply.unacked, 0),
      openMs,
      serverProcess: serverSample,
      rssIdleBytes,
      rssOpenBytes,
      rssPerDocBytes:
        rssIdleBytes === null || serverSample.rssMeanBytes === null
          ? null
          : (serverSample.rssMeanBytes - rssIdleBytes) / scenario.pageIds.length,
      serverStartMs: server.startMs,
      loadAverage,
    };
  } catch (error) {
    const lines = server.output();
    if (lines.length) console.error(`${kind} server output:\n${lines.join('\n')}`);
    throw error;
  } finally {
    await closeWorkers(workers);
    await server.stop('SIGTERM');
  }
}

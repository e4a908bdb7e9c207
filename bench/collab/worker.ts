// A process hosting bench clients: HocuspocusProviders, each with its own WebSocket and Y.Doc,
// like browser tabs. Driven by run.ts over IPC (worker-protocol.ts).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { nowMs } from './clock.ts';
import { DoubleLog } from './stats.ts';
import { loadTrace, type Trace } from './trace.ts';
import type { ClientSpec, ParentMessage, SendLog, WorkerMessage } from './worker-protocol.ts';

/** The shared type the bench types into; not Tiptap's fragment, so no server code interprets it. */
const TEXT = 'bench';
const LETTERS = 'etaoinshrdlu ';

class SendRecorder {
  readonly clients = new DoubleLog();
  readonly clocks = new DoubleLog();
  readonly times = new DoubleLog();
  push(client: number, clock: number, time: number): void {
    this.clients.push(client);
    this.clocks.push(clock);
    this.times.push(time);
  }
  toLog(): SendLog {
    return {
      clients: this.clients.toArray(),
      clocks: this.clocks.toArray(),
      times: this.times.toArray(),
    };
  }
}

class BenchClient {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText(TEXT);
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  /** Send times of local updates not yet acknowledged, oldest first (acks come in order). */
  private pending: number[] = [];
  private pendingHead = 0;
  recordAcks = false;
  private onAck: (() => void) | null = null;
  cursor = -1;
  readonly observer: boolean;
  private readonly received: Received;
  private readonly acks: DoubleLog;

  constructor(spec: ClientSpec, receivedLog: Received, ackLog: DoubleLog) {
    this.received = receivedLog;
    this.acks = ackLog;
    // One socket per client, like one browser tab per editor.
    this.socket = new HocuspocusProviderWebsocket({
      url: spec.url,
      WebSocketPolyfill: WebSocket,
      // Phases without traffic (opening 3,000 connections) must not look like a dead socket.
      messageReconnectTimeout: 10 * 60_000,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: spec.name,
      token: spec.token,
      document: this.doc,
    });
    if (!spec.observer) {
      const deliver = this.provider.onMessage.bind(this.provider);
      this.provider.onMessage = (event: MessageEvent) => {
        if (!isDocumentUpdate(event.data as ArrayBuffer | Uint8Array)) deliver(event);
      };
    }
    this.observer = spec.observer;
    this.provider.attach();
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local) return;
      const time = nowMs();
      transaction.afterState.forEach((after, client) => {
        const before = transaction.beforeState.get(client) ?? 0;
        for (let clock = before; clock < after; clock++) this.received.push(client, clock, time);
      });
    });
    this.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      const time = nowMs();
      while (this.pending.length - this.pendingHead > number) {
        const sent = this.pending[this.pendingHead++] as number;
        if (this.recordAcks) this.acks.push(time - sent);
      }
      if (this.pendingHead > 4096 && this.pendingHead * 2 > this.pending.length) {
        this.pending = this.pending.slice(this.pendingHead);
        this.pendingHead = 0;
      }
      this.onAck?.();
    });
  }

  get inFlight(): number {
    return this.pending.length - this.pendingHead;
  }

  whenAcked(callback: (() => void) | null): void {
    this.onAck = callback;
  }

  synced(timeoutMs: number): Promise<number> {
    const started = nowMs();
    return new Promise((resolve, reject) => {
      if (this.provider.isSynced) return resolve(0);
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `client for ${this.provider.configuration.name} not synced after ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
      this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
        clearTimeout(timer);
        reject(
          new Error(`authentication failed for ${this.provider.configuration.name}: ${reason}`),
        );
      });
      this.provider.on('synced', () => {
        clearTimeout(timer);
        resolve(nowMs() - started);
      });
    });
  }

  /** One local edit as its own transaction (one update, one acknowledgement), like a keystroke. */
  edit(apply: () => void): number {
    const time = nowMs();
    this.pending.push(time);
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    this.doc.transact(apply);
    return clock;
  }

  destroy(): void {
    this.provider.destroy();
    this.socket.destroy();
    this.doc.destroy();
  }
}

/**
 * Whether a Hocuspocus message is a Yjs update (Sync message, type "update"): varString
 * document name, varUint message type (0 = Sync), varUint sync type (2 = update).
 */
function isDocumentUpdate(data: ArrayBuffer | Uint8Array): boolean {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let offset = 0;
  const readVarUint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[offset++];
      if (byte === undefined) return -1;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  const nameLength = readVarUint();
  if (nameLength < 0) return false;
  offset += nameLength;
  return readVarUint() === 0 && readVarUint() === 2;
}

/** What a worker's clients received from remote clients: (client, clock) → time. */
class Received {
  readonly clients = new DoubleLog();
  readonly clocks = new DoubleLog();
  readonly times = new DoubleLog();
  recording = false;
  push(client: number, clock: number, time: number): void {
    if (!this.recording) return;
    this.clients.push(client);
    this.clocks.push(clock);
    this.times.push(time);
  }
  clear(): void {
    this.clients.clear();
    this.clocks.clear();
    this.times.clear();
  }
}

const received = new Received();
const acks = new DoubleLog();
let clients: BenchClient[] = [];
let trace: Trace | null = null;

function send(message: WorkerMessage): void {
  process.send?.(message);
}

async function open(specs: ClientSpec[], concurrency: number): Promise<number[]> {
  const syncMs: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < specs.length) {
      const spec = specs[next++] as ClientSpec;
      const client = new BenchClient(spec, received, acks);
      clients.push(client);
      syncMs.push(await client.synced(120_000));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return syncMs;
}

async function type(message: Extract<ParentMessage, { t: 'type' }>): Promise<void> {
  const sends = new SendRecorder();
  received.clear();
  acks.clear();
  received.recording = true;
  const period = 1000 / message.rateHz;
  let observerSends = 0;
  const typing = message.typists.map(async (index) => {
    const client = clients[index] as BenchClient;
    client.recordAcks = false;
    client.cursor = Math.floor(Math.random() * (client.text.length + 1));
    // A random phase, so clients of one worker do not all fire in the same tick.
    let at = message.startAt + Math.random() * period;
    let count = 0;
    while (at < message.endAt) {
      const wait = at - nowMs();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const recording = at >= message.recordFrom;
      client.recordAcks = recording;
      const position = Math.min(client.cursor, client.text.length);
      const letter = LETTERS[count++ % LETTERS.length] as string;
      const sentAt = nowMs();
      const clock = client.edit(() => client.text.insert(position, letter));
      client.cursor = position + 1;
      if (recording) {
        sends.push(client.doc.clientID, clock, sentAt);
        if (client.observer) observerSends++;
      }
      at += period;
    }
  });
  await Promise.all(typing);
  const unacked = await drainAcks(10_000);
  send({ t: 'typed', sends: sends.toLog(), observerSends, ackMs: acks.toArray(), unacked });
}

/** Waits until every client's updates are acknowledged (or the timeout); returns how many are not. */
async function drainAcks(timeoutMs: number): Promise<number> {
  const deadline = nowMs() + timeoutMs;
  for (;;) {
    const inFlight = clients.reduce((n, client) => n + client.inFlight, 0);
    if (inFlight === 0 || nowMs() > deadline) return inFlight;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Matches what this worker's clients received against every worker's send log. */
function collect(logs: SendLog[]): { latencies: Float64Array; received: number } {
  received.recording = false;
  const sentAt = new Map<number, Map<number, number>>();
  for (const log of logs) {
    for (let i = 0; i < log.clients.length; i++) {
      const client = log.clients[i] as number;
      let clocks = sentAt.get(client);
      if (!clocks) sentAt.set(client, (clocks = new Map()));
      clocks.set(log.clocks[i] as number, log.times[i] as number);
    }
  }
  const latencies = new DoubleLog();
  for (let i = 0; i < received.clients.length; i++) {
    const sent = sentAt.get(received.clients.at(i))?.get(received.clocks.at(i));
    if (sent !== undefined) latencies.push(received.times.at(i) - sent);
  }
  received.clear();
  return { latencies: latencies.toArray(), received: latencies.length };
}

async function replay(message: Extract<ParentMessage, { t: 'replay' }>): Promise<void> {
  trace ??= loadTrace();
  const edits = trace.edits;
  const client = clients[message.client] as BenchClient;
  const sends = new SendRecorder();
  received.clear();
  received.recording = true;
  acks.clear();
  client.recordAcks = true;
  const apply = (index: number) => {
    const [position, deleteCount, insert] = edits[index] as [number, number, string];
    const sentAt = nowMs();
    const clock = client.edit(() => {
      if (deleteCount > 0) client.text.delete(position, deleteCount);
      if (insert.length > 0) client.text.insert(position, insert);
    });
    if (insert.length > 0) sends.push(client.doc.clientID, clock, sentAt);
  };
  const started = nowMs();
  if (message.mode === 'rhythm') {
    const offsets = message.offsets as Float64Array;
    for (let i = message.from; i < message.to; i++) {
      const wait = started + (offsets[i - message.from] as number) - nowMs();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      apply(i);
    }
  } else {
    await new Promise<void>((resolve) => {
      let next = message.from;
      const pump = () => {
        while (next < message.to && client.inFlight < message.window) apply(next++);
        if (next >= message.to) {
          client.whenAcked(null);
          resolve();
        }
      };
      client.whenAcked(pump);
      pump();
    });
  }
  const unacked = await drainAcks(60_000);
  const ms = nowMs() - started;
  client.recordAcks = false;
  send({
    t: 'replayed',
    ops: message.to - message.from,
    ms,
    sends: sends.toLog(),
    ackMs: acks.toArray(),
    unacked,
  });
}

async function handle(message: ParentMessage): Promise<void> {
  switch (message.t) {
    case 'open':
      send({ t: 'opened', syncMs: await open(message.clients, message.concurrency) });
      return;
    case 'type':
      await type(message);
      return;
    case 'collect':
      send({ t: 'collected', ...collect(message.sends) });
      return;
    case 'replay':
      await replay(message);
      return;
    case 'snapshot': {
      const client = clients[message.client] as BenchClient;
      send({
        t: 'snapshot',
        state: Y.encodeStateAsUpdate(client.doc),
        text: client.text.toString(),
      });
      return;
    }
    case 'record':
      received.clear();
      received.recording = true;
      send({ t: 'recording' });
      return;
    case 'reset':
      for (const client of clients) client.destroy();
      clients = [];
      send({ t: 'reset' });
      return;
    case 'close':
      for (const client of clients) client.destroy();
      clients = [];
      send({ t: 'closed' });
      setTimeout(() => process.exit(0), 50);
      return;
  }
}

process.on('message', (message: ParentMessage) => {
  handle(message).catch((error: unknown) => {
    send({ t: 'error', message: error instanceof Error ? error.message : String(error) });
  });
});
// Never outlive the parent (Ctrl-C, crash).
process.on('disconnect', () => process.exit(0));
send({ t: 'ready' });

// Messages between run.ts (the parent) and worker.ts (a process hosting bench clients).

export interface ClientSpec {
  url: string;
  /** Hocuspocus document name, `page:<id>`. */
  name: string;
  token: string;
}

/** Keystrokes a worker's clients sent: parallel arrays, one entry per keystroke. */
export interface SendLog {
  clients: Float64Array;
  clocks: Float64Array;
  times: Float64Array;
}

export type ParentMessage =
  | { t: 'open'; clients: ClientSpec[]; concurrency: number }
  | {
      t: 'type';
      /** Monotonic ms (clock.ts) when typing starts; keystrokes before recordFrom are warm-up. */
      startAt: number;
      recordFrom: number;
      endAt: number;
      /** Keystrokes per second per typing client. */
      rateHz: number;
      /** Which of this worker's clients type (indexes); the others only read. */
      typists: number[];
    }
  | { t: 'collect'; sends: SendLog[] }
  | {
      t: 'replay';
      /** Index of the client that replays; the worker's other clients only read. */
      client: number;
      from: number;
      to: number;
      /** 'rhythm': at the given offsets (ms from start); 'fast': as acknowledgements allow. */
      mode: 'rhythm' | 'fast';
      offsets?: Float64Array;
      /** At most this many unacknowledged updates in flight (fast mode). */
      window: number;
    }
  | { t: 'snapshot'; client: number }
  /** Disconnects and drops every client, keeping the process. */
  | { t: 'reset' }
  | { t: 'close' };

export type WorkerMessage =
  | { t: 'ready' }
  | { t: 'opened'; syncMs: number[] }
  | { t: 'typed'; sends: SendLog; ackMs: Float64Array; unacked: number }
  | { t: 'collected'; latencies: Float64Array; received: number }
  | { t: 'replayed'; ops: number; ms: number; sends: SendLog; ackMs: Float64Array; unacked: number }
  | { t: 'snapshot'; state: Uint8Array; text: string }
  | { t: 'reset' }
  | { t: 'closed' }
  | { t: 'error'; message: string };

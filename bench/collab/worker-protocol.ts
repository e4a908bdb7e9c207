// Messages between run.ts (the parent) and worker.ts (a process hosting bench clients).

export interface ClientSpec {
  url: string;
  /** Hocuspocus document name, `page:<id>`. */
  name: string;
  token: string;
  /**
   * A full peer applies every remote update (like a browser tab) and records when each
   * keystroke arrives. Otherwise the client only types: remote document updates are dropped
   * on arrival, so the bench's own processes stay light while the server does the same work.
   */
  observer: boolean;
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
  /** Starts (afresh) recording what remote clients' edits arrive, until the next collect. */
  | { t: 'record' }
  /** Disconnects and drops every client, keeping the process. */
  | { t: 'reset' }
  | { t: 'close' };

export type WorkerMessage =
  | { t: 'ready' }
  | { t: 'opened'; syncMs: number[] }
  | { t: 'typed'; sends: SendLog; observerSends: number; ackMs: Float64Array; unacked: number }
  | { t: 'collected'; latencies: Float64Array; received: number }
  | { t: 'replayed'; ops: number; ms: number; sends: SendLog; ackMs: Float64Array; unacked: number }
  | { t: 'snapshot'; state: Uint8Array; text: string }
  | { t: 'recording' }
  | { t: 'reset' }
  | { t: 'closed' }
  | { t: 'error'; message: string };

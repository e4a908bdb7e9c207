import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { track } from './processes.ts';
import type { ParentMessage, WorkerMessage } from './worker-protocol.ts';

type Reply<T extends WorkerMessage['t']> = Extract<WorkerMessage, { t: T }>;

/** One client process (worker.ts), driven request by request. */
export class ClientWorker {
  readonly child: ChildProcess;
  private waiting: {
    type: string;
    resolve: (m: WorkerMessage) => void;
    reject: (e: Error) => void;
  } | null = null;
  private exited = false;

  private constructor(child: ChildProcess) {
    this.child = child;
    child.on('message', (message: WorkerMessage) => {
      const waiting = this.waiting;
      if (!waiting) return;
      if (message.t === 'error') {
        this.waiting = null;
        waiting.reject(new Error(`client worker ${child.pid}: ${message.message}`));
      } else if (message.t === waiting.type) {
        this.waiting = null;
        waiting.resolve(message);
      }
    });
    child.on('error', () => undefined); // a failed send is reported by request()
    child.on('exit', (code, signal) => {
      this.exited = true;
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.reject(
        new Error(
          `client worker ${child.pid} exited (${signal ?? code}) while waiting for '${waiting.type}'`,
        ),
      );
    });
  }

  static async start(): Promise<ClientWorker> {
    const child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    track(child, 'client worker');
    const worker = new ClientWorker(child);
    await worker.next('ready', 30_000);
    return worker;
  }

  /** Sends a message and waits for the reply of the given type. */
  async request<T extends WorkerMessage['t']>(
    message: ParentMessage,
    reply: T,
    timeoutMs: number,
  ): Promise<Reply<T>> {
    if (this.exited || !this.child.connected)
      throw new Error(`client worker ${this.child.pid} is gone`);
    const answer = this.next(reply, timeoutMs);
    this.child.send(message, (error) => {
      if (error) this.waiting?.reject(error);
    });
    return answer;
  }

  private next<T extends WorkerMessage['t']>(type: T, timeoutMs: number): Promise<Reply<T>> {
    if (this.exited) return Promise.reject(new Error(`client worker ${this.child.pid} is gone`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`client worker ${this.child.pid}: no '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = {
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Reply<T>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.request({ t: 'close' }, 'closed', 15_000);
    } catch {
      this.child.kill('SIGKILL');
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

/** Starts n client workers in parallel. */
export async function startWorkers(n: number): Promise<ClientWorker[]> {
  return Promise.all(Array.from({ length: n }, () => ClientWorker.start()));
}

export async function closeWorkers(workers: readonly ClientWorker[]): Promise<void> {
  await Promise.all(workers.map((worker) => worker.close()));
}

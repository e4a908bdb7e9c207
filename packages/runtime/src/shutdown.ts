import type { Logger } from 'pino';

/** Shutdown phases, run in this order: stop taking work, drain, close clients, flush telemetry. */
export type ShutdownPhase = 'intake' | 'drain' | 'close' | 'telemetry';
const PHASES: ShutdownPhase[] = ['intake', 'drain', 'close', 'telemetry'];

export interface Shutdown {
  /** Adds a step to a phase; within a phase, steps run in reverse order of adding (last opened, first closed). */
  add(name: string, step: () => Promise<unknown> | unknown, phase?: ShutdownPhase): void;
  /** Runs every step once; later calls return the same promise. */
  run(reason: string): Promise<void>;
  /** Runs shutdown on SIGTERM and SIGINT, then exits. */
  exitOnSignals(): void;
}

/** One ordered, idempotent shutdown registry for a process, with a force-exit timer. */
export function createShutdown(log: Logger, options: { timeoutMs?: number } = {}): Shutdown {
  const steps: { name: string; phase: ShutdownPhase; step: () => Promise<unknown> | unknown }[] =
    [];
  let running: Promise<void> | undefined;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function runSteps(reason: string) {
    log.info({ reason }, 'shutting down');
    const ordered = PHASES.flatMap((phase) => steps.filter((s) => s.phase === phase).reverse());
    for (const { name, step } of ordered) {
      const started = performance.now();
      try {
        await step();
        log.debug(
          { step: name, ms: Math.round(performance.now() - started) },
          'shutdown step done',
        );
      } catch (error) {
        log.error({ err: error, step: name }, 'shutdown step failed');
      }
    }
    log.info('shut down');
  }

  return {
    add(name, step, phase = 'close') {
      steps.push({ name, phase, step });
    },
    run(reason) {
      running ??= runSteps(reason);
      return running;
    },
    exitOnSignals() {
      const onSignal = (signal: NodeJS.Signals) => {
        const timer = setTimeout(() => {
          log.error({ timeoutMs }, 'shutdown timed out; forcing exit');
          process.exit(1);
        }, timeoutMs);
        timer.unref();
        void this.run(signal).then(() => process.exit(0));
      };
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
    },
  };
}

import type { ChildProcess } from 'node:child_process';

// Every process the bench starts, so none outlives it: normal end, error, Ctrl-C.
const live = new Map<ChildProcess, string>();

export function track(child: ChildProcess, label: string): void {
  live.set(child, label);
  child.once('exit', () => live.delete(child));
}

/** Kills whatever is still running (SIGKILL: we are exiting). */
export function killAll(): void {
  for (const child of live.keys()) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  live.clear();
}

let installed = false;

/** On Ctrl-C, SIGTERM or exit, kill every tracked process; `cleanup` runs first on signals. */
export function installCleanup(cleanup: () => Promise<void>): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping every process the bench started`);
      killAll();
      const timer = setTimeout(() => process.exit(130), 10_000);
      cleanup()
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(timer);
          process.exit(130);
        });
    });
  }
}

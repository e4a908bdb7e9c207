import { ConfigError } from '@pluma/config';
import { StartupError } from './startup-error.ts';

/**
 * Runs an app's start function. A configuration or start-up error a user can fix is
 * printed as one plain line on stderr (no stack, no secret) and the process exits 1;
 * anything else is printed with its stack.
 */
export function runMain(service: string, start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`${service}: ${error.message}\n`);
    } else {
      process.stderr.write(
        `${service}: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
    }
    process.exit(1);
  });
}

import type { z } from 'zod';

/** Thrown when the environment does not satisfy an app's schema; the message names variables, never values. */
export class ConfigError extends Error {
  readonly variables: string[];
  constructor(problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' +
        problems.map((p) => `  - ${p.variable} ${p.message}`).join('\n') +
        '\nSee .env.example for every variable and what it means.',
    );
    this.name = 'ConfigError';
    this.variables = problems.map((p) => p.variable);
  }
}

/** Parses the environment once with an app's schema and returns a frozen config. */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): Readonly<z.infer<S>> {
  // Empty strings count as unset so `FOO= npm start` behaves like not setting FOO.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  return Object.freeze(result.data);
}

import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A URL variable restricted to the given schemes (e.g. `mysql:`). */
export function urlOf(...protocols: string[]) {
  return z
    .string({ error: 'is required' })
    .min(1, { error: 'is required' })
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { error: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
    );
}

/** A TCP port; 0 means "any free port". */
export const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be between 0 and 65535' })
    .max(65535, { error: 'must be between 0 and 65535' })
    .default(fallback);

/** An optional TCP port: unset means "do not listen", 0 "any free port". */
export const optionalPort = () =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be between 0 and 65535' })
    .max(65535, { error: 'must be between 0 and 65535' })
    .optional();

export const requiredString = z.string({ error: 'is required' }).min(1, { error: 'is required' });

export const logLevel = z
  .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
  .default('info');

export const jwtSecret = z
  .string({ error: 'is required' })
  .min(32, { error: 'must be at least 32 characters long' });

export const optionalUrl = (...protocols: string[]) =>
  z.preprocess((value) => (value === '' ? undefined : value), urlOf(...protocols).optional());

export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

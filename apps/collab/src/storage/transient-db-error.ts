import { setTimeout as delay } from 'node:timers/promises';

/** Error codes of a connection dropped, a failover in progress or a lock conflict: worth another try. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
  'ER_CLIENT_INTERACTION_TIMEOUT',
  // A demoted primary turns super_read_only on while the router moves to the new one.
  'ER_OPTION_PREVENTS_STATEMENT',
]);
/** The same by MySQL error number, for errors that carry only `errno`. */
const TRANSIENT_ERRNOS = new Set([1213, 1205, 1053, 1040, 1927, 4031, 1290, 2006, 2013]);

/** True for a database error that a retry may overcome (see TRANSIENT_CODES). */
export function isTransientDbError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, errno, message, cause } = error as {
    code?: unknown;
    errno?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  if (typeof errno === 'number' && TRANSIENT_ERRNOS.has(errno)) return true;
  // mysql2 reports a command on a connection the server already closed without a code.
  if (typeof message === 'string' && /connection is in closed state|connection lost/i.test(message))
    return true;
  return isTransientDbError(cause, depth + 1);
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Runs an idempotent database operation, retrying transient errors with exponential backoff
 * and jitter, at most `attempts` times in all; anything else, or the last failure, is thrown.
 */
export async function retryTransient<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (error: unknown, attempt: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= policy.attempts || !isTransientDbError(error)) throw error;
      onRetry?.(error, attempt);
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await delay(backoff / 2 + Math.random() * (backoff / 2));
    }
  }
}

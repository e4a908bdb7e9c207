import { trace } from '@opentelemetry/api';
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/** Paths whose values never reach a log line. */
const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
];

export interface LoggerOptions {
  service: string;
  level?: LevelWithSilent;
  /** Where lines go; stdout unless given (tests pass a stream to read them back). */
  destination?: NodeJS.WritableStream;
}

/** JSON logger with redaction and the active span's trace and span ids on every line. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const span = trace.getActiveSpan();
        if (!span) return {};
        const { traceId, spanId } = span.spanContext();
        return { trace_id: traceId, span_id: spanId };
      },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}

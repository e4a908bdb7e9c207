import { context, propagation } from '@opentelemetry/api';

/** The W3C traceparent of the active span, for a job to continue this request's trace (undefined when not tracing). */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

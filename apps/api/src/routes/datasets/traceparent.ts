/** The W3C traceparent of the current span, to carry into a job; undefined until tracing is wired here. */
export function currentTraceparent(): string | undefined {
  return undefined;
}

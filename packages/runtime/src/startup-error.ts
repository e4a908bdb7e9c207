/** A start-up failure a user can fix: its message is one line naming the thing and what to do. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** Describes where a URL points without its credentials (safe to print). */
export function describeEndpoint(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '(default port)'}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

/** The short reason of a network error (ECONNREFUSED, ENOTFOUND, ...) or its message. */
export function reasonOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return code;
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message.length > 0) return message.split('\n')[0] ?? message;
  }
  return String(error);
}

import { SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { parsePageDocumentName } from '../document-name.ts';

/** Span attributes collab sets. */
export const DOCUMENT_NAME_ATTRIBUTE = 'pluma.document.name';
export const PAGE_ID_ATTRIBUTE = 'pluma.page.id';
export const REFUSAL_REASON_ATTRIBUTE = 'pluma.collab.refusal.reason';

// The API's tracer is a proxy: spans go to whichever provider the process registers, even later.
const tracer = trace.getTracer('pluma-collab');

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  // Refusals and resets are thrown as Hocuspocus close events ({ code, reason }).
  if (typeof error === 'object' && error !== null && 'reason' in error) return String(error.reason);
  return String(error);
}

/**
 * Runs `work` inside an active span named `name` for one document, so the spans of the queries
 * it makes (mysql2, Redis) nest under it. A thrown error (or refusal) marks the span failed and
 * is rethrown.
 */
export function withCollabSpan<T>(
  name: string,
  documentName: string,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, async (span) => {
    if (span.isRecording()) {
      span.setAttribute(DOCUMENT_NAME_ATTRIBUTE, documentName);
      const pageId = parsePageDocumentName(documentName);
      if (pageId !== null) span.setAttribute(PAGE_ID_ATTRIBUTE, pageId);
    }
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: describe(error) });
      if (error instanceof Error) span.recordException(error);
      throw error;
    } finally {
      span.end();
    }
  });
}

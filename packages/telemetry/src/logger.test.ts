import { PassThrough } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  return { stream, lines };
}

describe('createLogger', () => {
  it('writes JSON with the service name and redacts secrets', async () => {
    const { stream, lines } = capture();
    const log = createLogger({ service: 'api', destination: stream });
    log
      .child({ requestId: 'r1' })
      .info({ password: 'hunter2', user: { token: 'abc' } }, 'signed in');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatchObject({
      service: 'api',
      level: 'info',
      msg: 'signed in',
      requestId: 'r1',
      password: '[redacted]',
      user: { token: '[redacted]' },
    });
  });

  it('adds the trace and span ids of the active span', async () => {
    const { stream, lines } = capture();
    const log = createLogger({ service: 'api', destination: stream });
    const tracer = new TracerProvider().getTracer('test');
    const span = tracer.startSpan('work');
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    context.with(trace.setSpan(context.active(), span), () => log.info('inside'));
    span.end();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatchObject({
      trace_id: span.spanContext().traceId,
      span_id: span.spanContext().spanId,
    });
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { httpServerMetrics } from './http-server-metrics.ts';
import { startTelemetry, type Telemetry } from './start-telemetry.ts';

let telemetry: Telemetry;

beforeAll(async () => {
  telemetry = await startTelemetry({
    serviceName: 'pluma-test',
    instanceId: 'pluma-test-1',
    metrics: { port: 0, host: '127.0.0.1' },
  });
});
afterAll(() => telemetry?.shutdown());

async function scrape(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${telemetry.metricsPort}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

describe('startTelemetry metrics', () => {
  it('serves the HTTP histogram under its exact contract name, labelled by route template', async () => {
    expect(telemetry.metricsPort).toBeGreaterThan(0);
    const middleware = httpServerMetrics();
    const middlewareHandler = (_c: unknown, _next: unknown) => undefined;
    const routeHandler = (_c: unknown) => undefined;
    // What Hono hands a middleware: the routes matched, and the index of the one that answered.
    await middleware(
      {
        req: {
          method: 'GET',
          routeIndex: 1,
          matchedRoutes: [
            { path: '/v1/*', handler: middlewareHandler },
            { path: '/v1/works/:id', handler: routeHandler },
          ],
        },
        res: { status: 200 },
      },
      async () => undefined,
    );
    // Nothing matched: the not-found handler answered after the last middleware.
    await middleware(
      {
        req: {
          method: 'GET',
          routeIndex: 0,
          matchedRoutes: [{ path: '/v1/*', handler: middlewareHandler }],
        },
        res: { status: 404 },
      },
      async () => undefined,
    );
    const text = await scrape();
    expect(text).toContain('# TYPE pluma_http_server_duration_seconds histogram');
    expect(text).toMatch(
      /^pluma_http_server_duration_seconds_bucket\{route="\/v1\/works\/:id",method="GET",status="200",[^}]*le="\+Inf"\} 1$/m,
    );
    // Buckets in seconds (5 ms to 30 s), not the SDK's millisecond-scale defaults.
    expect(text).toMatch(/^pluma_http_server_duration_seconds_bucket\{[^}]*le="0\.005"\} \d+$/m);
    expect(text).toMatch(/^pluma_http_server_duration_seconds_bucket\{[^}]*le="30"\} 1$/m);
    expect(text).toMatch(
      /^pluma_http_server_duration_seconds_count\{route="\/v1\/works\/:id",method="GET",status="200",[^}]*\} 1$/m,
    );
    expect(text).toMatch(
      /^pluma_http_server_duration_seconds_count\{route="unmatched",method="GET",status="404",[^}]*\} 1$/m,
    );
    // The resource identifies the process in every scrape.
    expect(text).toMatch(/^target_info\{[^}]*service_name="pluma-test"[^}]*\} 1$/m);
    expect(text).toContain('service_instance_id="pluma-test-1"');
  });

  it('exports the runtime metrics under the names the dashboards use', async () => {
    await vi.waitFor(
      async () => {
        const text = await scrape();
        expect(text).toMatch(/^nodejs_eventloop_delay_p99_seconds\{/m);
        expect(text).toMatch(/^v8js_memory_heap_used_bytes\{v8js_heap_space_name="old_space"/m);
      },
      { timeout: 10_000, interval: 200 },
    );
    // A garbage collection records the GC histogram.
    await vi.waitFor(
      async () => {
        for (let i = 0; i < 2000; i++) new Array(1000).fill(i);
        expect(await scrape()).toMatch(/^v8js_gc_duration_seconds_bucket\{v8js_gc_type=/m);
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('answers 404 beside /metrics', async () => {
    const response = await fetch(`http://127.0.0.1:${telemetry.metricsPort}/`);
    expect(response.status).toBe(404);
  });

  it('registers a tracer provider even when nothing is exported, so trace ids reach logs and jobs', () => {
    const span = trace.getTracer('test').startSpan('work');
    expect(span.spanContext().traceId).not.toBe('00000000000000000000000000000000');
    span.end();
  });

  it('names METRICS_PORT when its port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(
        startTelemetry({ serviceName: 'pluma-test', metrics: { port, host: '127.0.0.1' } }),
      ).rejects.toThrow(/METRICS_PORT/);
    } finally {
      blocker.close();
    }
  });
});

import type { IncomingMessage } from 'node:http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { PeriodicExportingMetricReader, type IMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { RUNTIME_METRIC_VIEWS } from './runtime-metric-views.ts';
import { startMetricsServer, type MetricsServer } from './metrics-server.ts';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  instanceId?: string | undefined;
  /** OTLP/HTTP base URL (e.g. http://collector:4318); no spans or OTLP metrics leave the process when absent. */
  otlpEndpoint?: string | undefined;
  /** Prometheus endpoint (`/metrics`) on its own port; none when absent, an ephemeral port when 0. */
  metrics?: { port: number; host: string } | undefined;
  /** Extra processors, e.g. an in-memory exporter in tests. */
  spanProcessors?: SpanProcessor[];
  instrumentations?: Instrumentation[];
}

export interface Telemetry {
  /** The port `/metrics` is served on (the bound one when METRICS_PORT is 0); undefined without a metrics server. */
  readonly metricsPort: number | undefined;
  shutdown(): Promise<void>;
}

/** Probes and scrapes would be most of the traces and tell nothing; they are not traced. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Starts the OpenTelemetry Node SDK and, when asked, the Prometheus endpoint. Call it first in
 * main.ts, before importing the modules it instruments, so their imports are patched.
 *
 * No ESM loader hook (import-in-the-middle) is registered: the instrumented libraries (mysql2,
 * ioredis, node-redis, socket.io) are CommonJS, and Node 24 loads CommonJS imported from ESM
 * through `Module._load`, where require-in-the-middle patches them (the cross-process trace test
 * in apps/api checks their spans). The hook would parse every imported module at start-up.
 */
export async function startTelemetry(options: TelemetryOptions): Promise<Telemetry> {
  const exporting = Boolean(options.otlpEndpoint) || (options.spanProcessors?.length ?? 0) > 0;
  // What is not used is not even loaded: exporters and library instrumentations cost start-up time.
  const processors: SpanProcessor[] = [...(options.spanProcessors ?? [])];
  const metricReaders: IMetricReader[] = [];
  if (options.otlpEndpoint) {
    const [{ OTLPTraceExporter }, { OTLPMetricExporter }] = await Promise.all([
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/exporter-metrics-otlp-http'),
    ]);
    const url = (signal: string) => new URL(`/v1/${signal}`, options.otlpEndpoint).toString();
    processors.push(
      new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: url('traces') }) }),
    );
    metricReaders.push(
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: url('metrics') }),
      }),
    );
  }
  // A tracer provider is registered even when nothing is exported, so trace context still
  // propagates (W3C headers, job data) and every log line inside a span carries its ids.
  if (processors.length === 0) processors.push(new NoopSpanProcessor());
  const prometheus = options.metrics
    ? new (await import('@opentelemetry/exporter-prometheus')).PrometheusExporter({
        preventServerStart: true,
      })
    : undefined;
  if (prometheus) metricReaders.push(prometheus);
  // Database, Redis and socket.io client spans only matter when spans are kept; event loop, heap
  // and GC metrics only when metrics are read.
  const libraries = exporting
    ? (await import('./tracing-instrumentations.ts')).createTracingInstrumentations()
    : [];
  if (metricReaders.length > 0) {
    const { RuntimeNodeInstrumentation } =
      await import('@opentelemetry/instrumentation-runtime-node');
    libraries.push(new RuntimeNodeInstrumentation());
  }

  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      'service.name': options.serviceName,
      'service.version': options.serviceVersion ?? '0.1.0',
      'service.instance.id': options.instanceId ?? `${options.serviceName}-${process.pid}`,
    }),
    // The resource above is the whole identity; host and process detectors would add start-up work.
    resourceDetectors: [],
    // The propagator is the SDK's default, W3C trace context (+ baggage): the browser's `traceparent`
    // starts the trace its request continues, and jobs carry the same header in their data.
    spanProcessors: processors,
    // Logs go to stdout as JSON (pino); the SDK must not start its own OTLP log exporter.
    logRecordProcessors: [],
    // Explicit, so the SDK never falls back to pushing OTLP metrics to localhost:4318.
    metricReaders,
    views: RUNTIME_METRIC_VIEWS,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) =>
          UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
      }),
      ...libraries,
      ...(options.instrumentations ?? []),
    ],
  });
  sdk.start();

  let server: MetricsServer | undefined;
  try {
    if (prometheus && options.metrics)
      server = await startMetricsServer(prometheus, options.metrics);
  } catch (error) {
    await sdk.shutdown().catch(() => undefined);
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    metricsPort: server?.port,
    shutdown() {
      stopped ??= Promise.all([server?.close(), sdk.shutdown().catch(() => undefined)]).then(
        () => undefined,
      );
      return stopped;
    },
  };
}

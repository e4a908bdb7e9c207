import { register } from 'node:module';
import type { IncomingMessage } from 'node:http';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { RedisInstrumentation } from '@opentelemetry/instrumentation-redis';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import { SocketIoInstrumentation } from '@opentelemetry/instrumentation-socket.io';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
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

let hookRegistered = false;

/** Probes and scrapes would be most of the traces and tell nothing; they are not traced. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Starts the OpenTelemetry Node SDK and, when asked, the Prometheus endpoint. Call it first in
 * main.ts, before importing the modules it instruments, so their imports are patched.
 */
export async function startTelemetry(options: TelemetryOptions): Promise<Telemetry> {
  const exporting = Boolean(options.otlpEndpoint) || (options.spanProcessors?.length ?? 0) > 0;
  if (exporting && !hookRegistered) {
    // The ESM loader hook lets instrumentations patch `import`ed modules, not only `require`d ones.
    // It costs about 2 s of start-up, so it is only paid when spans go somewhere.
    register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
    hookRegistered = true;
  }
  const processors: SpanProcessor[] = [...(options.spanProcessors ?? [])];
  const metricReaders: IMetricReader[] = [];
  if (options.otlpEndpoint) {
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
    ? new PrometheusExporter({ preventServerStart: true })
    : undefined;
  if (prometheus) metricReaders.push(prometheus);

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
      new UndiciInstrumentation(),
      new MySQL2Instrumentation(),
      // BullMQ talks to Redis through ioredis; the apps' own client is node-redis.
      new IORedisInstrumentation(),
      new RedisInstrumentation(),
      new SocketIoInstrumentation(),
      new RuntimeNodeInstrumentation(),
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

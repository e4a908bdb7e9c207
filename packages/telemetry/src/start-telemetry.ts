import { register } from 'node:module';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import type { Instrumentation } from '@opentelemetry/instrumentation';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  instanceId?: string;
  /** OTLP/HTTP base URL (e.g. http://collector:4318); nothing is exported when absent. */
  otlpEndpoint?: string | undefined;
  /** Extra processors, e.g. an in-memory exporter in tests. */
  spanProcessors?: SpanProcessor[];
  instrumentations?: Instrumentation[];
}

export interface Telemetry {
  shutdown(): Promise<void>;
}

let hookRegistered = false;

/**
 * Starts the OpenTelemetry Node SDK. Call it first in main.ts, before importing the
 * modules it instruments, so their ESM imports are patched.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const exporting = Boolean(options.otlpEndpoint) || (options.spanProcessors?.length ?? 0) > 0;
  if (exporting && !hookRegistered) {
    // The ESM loader hook lets instrumentations patch `import`ed modules, not only `require`d ones.
    // It costs about 2 s of start-up, so it is only paid when spans go somewhere.
    register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
    hookRegistered = true;
  }
  const processors: SpanProcessor[] = [...(options.spanProcessors ?? [])];
  if (options.otlpEndpoint) {
    const url = new URL('/v1/traces', options.otlpEndpoint).toString();
    processors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) }));
  }
  // A tracer provider is registered even when nothing is exported, so trace context still
  // propagates (W3C headers, job data) and every log line inside a span carries its ids.
  if (processors.length === 0) processors.push(new NoopSpanProcessor());
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    resource: resourceFromAttributes({
      'service.name': options.serviceName,
      'service.version': options.serviceVersion ?? '0.1.0',
      'service.instance.id': options.instanceId ?? `${options.serviceName}-${process.pid}`,
    }),
    spanProcessors: processors,
    // Logs go to stdout as JSON (pino); the SDK must not start its own OTLP log exporter.
    logRecordProcessors: [],
    // Metric readers are explicit too; left unset the SDK would push OTLP to localhost:4318.
    metricReaders: [],
    instrumentations: [new HttpInstrumentation(), ...(options.instrumentations ?? [])],
  });
  sdk.start();
  let stopped: Promise<void> | undefined;
  return {
    shutdown() {
      stopped ??= sdk.shutdown().catch(() => undefined);
      return stopped;
    },
  };
}

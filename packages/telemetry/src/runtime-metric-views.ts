import type { ViewOptions } from '@opentelemetry/sdk-metrics';

/**
 * The Prometheus exporter adds no unit suffix, so the runtime instrumentation's metrics would be
 * scraped as `v8js_gc_duration` etc. These views give the ones the dashboards use the names of
 * observability/metrics.md (Prometheus' unit-suffixed convention).
 */
export const RUNTIME_METRIC_VIEWS: ViewOptions[] = [
  { instrumentName: 'nodejs.eventloop.delay.p99', name: 'nodejs_eventloop_delay_p99_seconds' },
  { instrumentName: 'v8js.memory.heap.used', name: 'v8js_memory_heap_used_bytes' },
  { instrumentName: 'v8js.gc.duration', name: 'v8js_gc_duration_seconds' },
];

// Start order: config -> telemetry -> app -> listen -> shutdown (STYLE.md).
import { ApiConfigSchema, loadConfig } from '@pluma/config';
import { startTelemetry } from '@pluma/telemetry/node';
import { runMain } from '@pluma/runtime';

runMain('api', async () => {
  const config = loadConfig(ApiConfigSchema);
  const telemetry = startTelemetry({
    serviceName: 'pluma-api',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    instanceId: config.OTEL_SERVICE_INSTANCE_ID,
  });
  // Everything instrumented is imported after telemetry has started.
  const { startApi } = await import('./start-api.ts');
  await startApi(config, telemetry);
});

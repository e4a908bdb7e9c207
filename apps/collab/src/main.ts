// Start order: config -> telemetry -> server -> listen -> shutdown (STYLE.md).
import { CollabConfigSchema, loadConfig } from '@pluma/config';
import { runMain } from '@pluma/runtime';
import { startTelemetry } from '@pluma/telemetry/node';

runMain('collab', async () => {
  const config = loadConfig(CollabConfigSchema);
  const telemetry = startTelemetry({
    serviceName: 'pluma-collab',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    instanceId: config.OTEL_SERVICE_INSTANCE_ID,
  });
  // Everything instrumented is imported after telemetry has started.
  const { startCollab } = await import('./start-collab.ts');
  await startCollab(config, telemetry);
});

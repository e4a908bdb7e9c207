// Start order: config -> telemetry -> workers -> health server -> shutdown (STYLE.md).
import { WorkersConfigSchema, loadConfig } from '@pluma/config';
import { runMain } from '@pluma/runtime';
import { startTelemetry } from '@pluma/telemetry/node';

runMain('workers', async () => {
  const config = loadConfig(WorkersConfigSchema);
  const telemetry = startTelemetry({
    serviceName: 'pluma-workers',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    instanceId: config.OTEL_SERVICE_INSTANCE_ID,
  });
  const { startWorkers } = await import('./start-workers.ts');
  await startWorkers(config, telemetry);
});

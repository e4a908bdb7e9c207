// Start order: config -> telemetry -> app -> listen -> shutdown (STYLE.md).
import { ApiConfigSchema, loadConfig } from '@pluma/config';
import { startTelemetry } from '@pluma/telemetry/node';

// Telemetry starts before anything it instruments is imported, @pluma/runtime included (it loads
// node-redis). A bad configuration is reported by runMain, like any start-up error.
const booting = (async () => {
  const config = loadConfig(ApiConfigSchema);
  const telemetry = await startTelemetry({
    serviceName: 'pluma-api',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    instanceId: config.OTEL_SERVICE_INSTANCE_ID,
    metrics:
      config.METRICS_PORT === undefined
        ? undefined
        : { port: config.METRICS_PORT, host: config.API_HOST },
  });
  return { config, telemetry };
})();
booting.catch(() => undefined); // awaited below; this only keeps it from counting as unhandled meanwhile

const { runMain } = await import('@pluma/runtime');
runMain('api', async () => {
  const { config, telemetry } = await booting;
  // Everything instrumented is imported after telemetry has started.
  const { startApi } = await import('./start-api.ts');
  await startApi(config, telemetry);
});

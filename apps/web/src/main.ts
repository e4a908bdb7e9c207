// The web app's server: serves the built SPA (apps/web/dist) and /healthz, /readyz.
import { WebConfigSchema, loadConfig } from '@pluma/config';
import { runMain } from '@pluma/runtime';
import { startTelemetry } from '@pluma/telemetry/node';

runMain('web', async () => {
  const config = loadConfig(WebConfigSchema);
  const telemetry = startTelemetry({
    serviceName: 'pluma-web',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const { startWeb } = await import('./server/start-web.ts');
  await startWeb(config, telemetry);
});

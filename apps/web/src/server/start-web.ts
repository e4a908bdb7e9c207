import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import type { WebConfig } from '@pluma/config';
import { closeServer, createShutdown, listen } from '@pluma/runtime';
import { createLogger } from '@pluma/telemetry/logger';
import type { Telemetry } from '@pluma/telemetry/node';
import { createWebServer } from './create-web-server.ts';

export async function startWeb(
  config: Readonly<WebConfig>,
  telemetry: Pick<Telemetry, 'shutdown' | 'metricsPort'>,
) {
  const log = createLogger({ service: 'web', level: config.LOG_LEVEL });
  const shutdown = createShutdown(log);
  shutdown.exitOnSignals();
  shutdown.add('flush telemetry', () => telemetry.shutdown(), 'telemetry');
  if (telemetry.metricsPort !== undefined)
    log.info({ port: telemetry.metricsPort, host: config.WEB_HOST }, 'metrics listening');
  const distDir = fileURLToPath(new URL('../../dist', import.meta.url));
  const server = createServer(getRequestListener(createWebServer(distDir).fetch));
  const port = await listen(server, config.WEB_PORT, config.WEB_HOST, 'WEB_PORT');
  shutdown.add('stop serving', () => closeServer(server), 'intake');
  log.info({ port, distDir }, 'web listening');
}

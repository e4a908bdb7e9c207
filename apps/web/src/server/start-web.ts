import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import type { WebConfig } from '@pluma/config';
import { closeServer, createShutdown, listen } from '@pluma/runtime';
import { createLogger } from '@pluma/telemetry/logger';
import { createWebServer } from './create-web-server.ts';

export async function startWeb(
  config: Readonly<WebConfig>,
  telemetry: { shutdown(): Promise<void> },
) {
  const log = createLogger({ service: 'web', level: config.LOG_LEVEL });
  const shutdown = createShutdown(log);
  shutdown.exitOnSignals();
  shutdown.add('flush telemetry', () => telemetry.shutdown(), 'telemetry');
  const distDir = fileURLToPath(new URL('../../dist', import.meta.url));
  const server = createServer(getRequestListener(createWebServer(distDir).fetch));
  const port = await listen(server, config.WEB_PORT, config.WEB_HOST, 'WEB_PORT');
  shutdown.add('stop serving', () => closeServer(server), 'intake');
  log.info({ port, distDir }, 'web listening');
}

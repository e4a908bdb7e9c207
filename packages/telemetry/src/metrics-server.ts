import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PrometheusExporter } from '@opentelemetry/exporter-prometheus';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/** Serves the exporter's Prometheus text at `/metrics` on its own port, apart from the app's public one. */
export function startMetricsServer(
  exporter: PrometheusExporter,
  { port, host }: { port: number; host: string },
): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    if ((request.url ?? '').split('?')[0] === '/metrics' && request.method === 'GET') {
      exporter.getMetricsRequestHandler(request, response);
      return;
    }
    response.statusCode = 404;
    response.end('not found\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `METRICS_PORT ${port} on ${host} could not be bound (${error.code ?? error.message})`,
        ),
      ),
    );
    server.listen(port, host, () => {
      server.unref();
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

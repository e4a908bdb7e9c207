import { metrics, type ObservableResult } from '@opentelemetry/api';

/** `pluma_socketio_connected_clients`: sockets signed in to this node, read at each collection. Returns a function that stops it. */
export function observeConnectedClients(io: {
  of(namespace: '/'): { sockets: { size: number } };
}): () => void {
  const gauge = metrics
    .getMeter('pluma-api')
    .createObservableGauge('pluma_socketio_connected_clients', {
      description: 'socket.io clients connected to this API node',
    });
  const callback = (result: ObservableResult) => result.observe(io.of('/').sockets.size);
  gauge.addCallback(callback);
  return () => gauge.removeCallback(callback);
}

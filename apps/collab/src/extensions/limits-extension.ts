import { ResetConnection } from '@hocuspocus/common';
import type { Extension, onConnectPayload } from '@hocuspocus/server';
import { refusal } from '../close-events.ts';
import type { CollabContext } from '../deps.ts';
import type { CollabMetrics } from '../telemetry/collab-metrics.ts';

/**
 * Per-document limits enforced by Hocuspocus hooks: at most `maxConnectionsPerDocument`
 * connections to one document on this node. (Message size and connection-attempt throttling
 * are enforced on the socket, before Hocuspocus: see ws/attach-websocket.ts.)
 */
export class LimitsExtension implements Extension<CollabContext> {
  extensionName = 'limits';
  private readonly maxConnectionsPerDocument: number;
  private readonly metrics: CollabMetrics;

  constructor(options: { maxConnectionsPerDocument: number; metrics: CollabMetrics }) {
    this.maxConnectionsPerDocument = options.maxConnectionsPerDocument;
    this.metrics = options.metrics;
  }

  async onConnect({ documentName, instance }: onConnectPayload<CollabContext>) {
    const document = instance.documents.get(documentName);
    if (document && document.getConnectionsCount() >= this.maxConnectionsPerDocument) {
      const refused = refusal(ResetConnection, 'too-many-connections');
      this.metrics.countRefusal(refused);
      throw refused;
    }
  }
}

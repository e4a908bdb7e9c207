import type { Extension, Hocuspocus, onConfigurePayload } from '@hocuspocus/server';
import {
  PageSentimentScoredSchema,
  SENTIMENT_CHANNEL,
  type PageSentimentScored,
} from '@pluma/queue';
import type { Redis } from '@pluma/runtime';
import type { Logger } from '@pluma/telemetry/logger';
import type { CollabContext } from '../deps.ts';
import { pageDocumentName } from '../document-name.ts';

export interface SentimentRelayExtensionDeps {
  redis: Redis;
  redisPrefix: string;
  log: Logger;
}

/** The stateless message editors of a page receive: `{ type: 'sentiment', pageId, ... }`. */
export type SentimentStateless = { type: 'sentiment' } & PageSentimentScored;

/**
 * Hands each page's freshly scored sentences (SENTIMENT_CHANNEL, published by the workers) to the
 * page's editors as a stateless message. Every node subscribes and delivers to its own
 * connections only (relayStateless): broadcastStateless would also go out through
 * extension-redis to the other nodes, which deliver it themselves, and editors would see it twice.
 */
export class SentimentRelayExtension implements Extension<CollabContext> {
  extensionName = 'sentiment-relay';
  private readonly deps: SentimentRelayExtensionDeps;
  private instance: Hocuspocus<CollabContext> | undefined;
  private subscriber: Redis | undefined;

  constructor(deps: SentimentRelayExtensionDeps) {
    this.deps = deps;
  }

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance as Hocuspocus<CollabContext>;
  }

  /** Subscribes to the channel; resolves once messages are being received. */
  async start(): Promise<void> {
    const subscriber = this.deps.redis.duplicate();
    subscriber.on('error', (error: unknown) =>
      this.deps.log.warn({ err: error }, 'sentiment subscriber error'),
    );
    await subscriber.connect();
    this.subscriber = subscriber;
    await subscriber.subscribe(this.deps.redisPrefix + SENTIMENT_CHANNEL, (message) =>
      this.relay(message),
    );
  }

  async onDestroy() {
    await this.subscriber?.close().catch(() => undefined);
    this.subscriber = undefined;
  }

  private relay(raw: string) {
    let message: PageSentimentScored;
    try {
      message = PageSentimentScoredSchema.parse(JSON.parse(raw));
    } catch (error) {
      this.deps.log.warn({ err: error }, 'ignored a malformed sentiment message');
      return;
    }
    // Only a node holding the page open has anyone to tell.
    const document = this.instance?.documents.get(pageDocumentName(message.pageId));
    if (!document) return;
    const payload: SentimentStateless = { type: 'sentiment', ...message };
    document.relayStateless(JSON.stringify(payload));
  }
}

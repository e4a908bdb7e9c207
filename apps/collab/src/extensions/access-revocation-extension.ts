import { Forbidden, Unauthorized } from '@hocuspocus/common';
import type {
  Connection,
  Extension,
  Hocuspocus,
  connectedPayload,
  onConfigurePayload,
} from '@hocuspocus/server';
import { REVOCATION_CHANNEL, issuedAtOrBefore } from '@pluma/auth';
import { WORK_ACCESS_CHANNEL, WorkAccessChangedSchema, type WorkAccessChanged } from '@pluma/queue';
import type { Redis } from '@pluma/runtime';
import type { Logger } from '@pluma/telemetry/logger';
import { z } from 'zod';
import { refusal } from '../close-events.ts';
import { closeSocket, openConnections } from '../connections.ts';
import type { CollabContext } from '../deps.ts';

/** One token (logout) or, with `before` (ms), every token of the user issued earlier (password change). */
const TokenRevokedSchema = z.union([
  z.object({ jti: z.string().min(1) }),
  z.object({ userId: z.string().min(1), before: z.number() }),
]);

/** How long a revocation is remembered, to catch a connection whose authorization crossed it. */
const REMEMBER_MS = 30_000;

export interface AccessRevocationExtensionDeps {
  redis: Redis;
  redisPrefix: string;
  log: Logger;
}

/**
 * Closes connections the moment access ends, on every node: a collaborator removed or their
 * role changed (WORK_ACCESS_CHANNEL, published by the API) or a token revoked at logout
 * (REVOCATION_CHANNEL). The provider reconnects and is authorized again with the new role,
 * or refused.
 */
export class AccessRevocationExtension implements Extension<CollabContext> {
  extensionName = 'access-revocation';
  private readonly deps: AccessRevocationExtensionDeps;
  private instance: Hocuspocus<CollabContext> | undefined;
  private subscriber: Redis | undefined;
  /** Revocation key -> when it arrived (ms). */
  private readonly recent = new Map<string, number>();

  constructor(deps: AccessRevocationExtensionDeps) {
    this.deps = deps;
  }

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance as Hocuspocus<CollabContext>;
  }

  /** Subscribes to both channels; resolves once messages are being received. */
  async start(): Promise<void> {
    const subscriber = this.deps.redis.duplicate();
    subscriber.on('error', (error: unknown) =>
      this.deps.log.warn({ err: error }, 'revocation subscriber error'),
    );
    await subscriber.connect();
    this.subscriber = subscriber;
    await subscriber.subscribe(this.deps.redisPrefix + WORK_ACCESS_CHANNEL, (message) =>
      this.onWorkAccess(message),
    );
    await subscriber.subscribe(this.deps.redisPrefix + REVOCATION_CHANNEL, (message) =>
      this.onTokenRevoked(message),
    );
  }

  async connected({ connection }: connectedPayload<CollabContext>) {
    // A revocation published while this connection was being authorized would have missed it.
    const context = connection.context;
    const since = (key: string) => (this.recent.get(key) ?? 0) >= context.authorizedAt;
    if (since(`jti:${context.jti}`) || since(`user:${context.userId}`))
      closeSocket(connection, refusal(Unauthorized, 'token-revoked'));
    else if (since(`work:${context.workId}:user:${context.userId}`))
      closeSocket(connection, refusal(Forbidden, 'access-changed'));
  }

  async onDestroy() {
    await this.subscriber?.close().catch(() => undefined);
    this.subscriber = undefined;
  }

  private remember(key: string) {
    const now = Date.now();
    this.recent.set(key, now);
    for (const [k, at] of this.recent) if (at < now - REMEMBER_MS) this.recent.delete(k);
  }

  private onWorkAccess(raw: string) {
    let message: WorkAccessChanged;
    try {
      message = WorkAccessChangedSchema.parse(JSON.parse(raw));
    } catch (error) {
      this.deps.log.warn({ err: error }, 'ignored a malformed work access message');
      return;
    }
    this.remember(`work:${message.workId}:user:${message.userId}`);
    this.closeWhere(
      (connection) =>
        connection.context.workId === message.workId &&
        connection.context.userId === message.userId &&
        // A new role with the same access mode (editor -> owner) keeps the connection.
        (message.role === null || (message.role === 'viewer') !== connection.readOnly),
      refusal(Forbidden, 'access-changed'),
    );
  }

  private onTokenRevoked(raw: string) {
    let message: z.infer<typeof TokenRevokedSchema>;
    try {
      message = TokenRevokedSchema.parse(JSON.parse(raw));
    } catch (error) {
      this.deps.log.warn({ err: error }, 'ignored a malformed revocation message');
      return;
    }
    if ('jti' in message) {
      const { jti } = message;
      this.remember(`jti:${jti}`);
      this.closeWhere(
        (connection) => connection.context.jti === jti,
        refusal(Unauthorized, 'token-revoked'),
      );
      return;
    }
    const userId = Number(message.userId);
    const before = message.before;
    this.remember(`user:${userId}`);
    this.closeWhere(
      (connection) =>
        connection.context.userId === userId && issuedAtOrBefore(connection.context.iat, before),
      refusal(Unauthorized, 'token-revoked'),
    );
  }

  private closeWhere(
    match: (connection: Connection<CollabContext>) => boolean,
    event: { code: number; reason: string },
  ) {
    if (!this.instance) return;
    let closed = 0;
    for (const connection of openConnections(this.instance)) {
      if (connection.context && match(connection)) {
        closeSocket(connection, event);
        closed += 1;
      }
    }
    if (closed > 0)
      this.deps.log.info(
        { closed, reason: event.reason },
        'closed connections after an access change',
      );
  }
}

import { Forbidden, Unauthorized, type CloseEvent } from '@hocuspocus/common';
import type {
  Connection,
  Extension,
  Hocuspocus,
  onAuthenticatePayload,
  onConfigurePayload,
  onTokenSyncPayload,
} from '@hocuspocus/server';
import type { MikroORM } from '@pluma/db';
import type { Redis } from '@pluma/runtime';
import type { Logger } from '@pluma/telemetry/logger';
import { TokenRefusedError, authenticateToken } from '../access/authenticate-token.ts';
import { resolvePageAccess } from '../access/resolve-page-access.ts';
import { refusal } from '../close-events.ts';
import { closeSocket, openConnections } from '../connections.ts';
import type { CollabContext } from '../deps.ts';
import { parsePageDocumentName } from '../document-name.ts';
import { retryTransient, type RetryPolicy } from '../storage/transient-db-error.ts';
import type { CollabMetrics } from '../telemetry/collab-metrics.ts';
import { REFUSAL_REASON_ATTRIBUTE, withCollabSpan } from '../telemetry/collab-span.ts';

export interface AuthExtensionDeps {
  orm: MikroORM;
  redis: Redis;
  redisPrefix: string;
  jwtSecret: string;
  log: Logger;
  retry: RetryPolicy;
  /** Ask for a fresh token this long before the current one expires. */
  tokenRefreshLeadSeconds: number;
  metrics: CollabMetrics;
}

function isCloseEvent(error: unknown): error is CloseEvent {
  return typeof error === 'object' && error !== null && 'code' in error && 'reason' in error;
}

/** How often open connections are checked for tokens about to expire. */
const EXPIRY_SWEEP_MS = 1000;

/** Unavailable (1011): the client should try again; the provider reconnects on its own. */
const TryAgainLater = { code: 1011, reason: 'Try Again Later' };

/**
 * Authorization: the access JWT the API issues, not revoked, and the user's role on the page's
 * work (owner/editor read-write, viewer read-only, anyone else refused). Tokens are refreshed
 * over the open connection (onTokenSync); a connection whose token expires is closed.
 */
export class AuthExtension implements Extension<CollabContext> {
  extensionName = 'auth';
  private readonly deps: AuthExtensionDeps;
  private instance: Hocuspocus<CollabContext> | undefined;
  private sweep: NodeJS.Timeout | undefined;
  /** The token expiry for which a refresh was last requested, per connection. */
  private readonly refreshRequested = new WeakMap<Connection, number>();

  constructor(deps: AuthExtensionDeps) {
    this.deps = deps;
  }

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance as Hocuspocus<CollabContext>;
    this.sweep ??= setInterval(() => this.checkExpiries(), EXPIRY_SWEEP_MS);
    this.sweep.unref();
  }

  /** Traced as `collab authenticate`; a refusal is counted and recorded on the span with its reason. */
  onAuthenticate(payload: onAuthenticatePayload<CollabContext>) {
    return withCollabSpan('collab authenticate', payload.documentName, async (span) => {
      try {
        return await this.authorize(payload);
      } catch (error) {
        if (isCloseEvent(error))
          span.setAttribute(REFUSAL_REASON_ATTRIBUTE, this.deps.metrics.countRefusal(error));
        throw error;
      }
    });
  }

  private async authorize({
    token,
    documentName,
    connectionConfig,
  }: onAuthenticatePayload<CollabContext>): Promise<CollabContext> {
    const pageId = parsePageDocumentName(documentName);
    if (pageId === null) throw refusal(Forbidden, 'not-found');
    try {
      const { userId, claims } = await authenticateToken(token, this.deps);
      const access = await retryTransient(
        () => resolvePageAccess(this.deps.orm, pageId, userId),
        this.deps.retry,
      );
      if (!access) throw refusal(Forbidden, 'not-found');
      if (!access.role) throw refusal(Forbidden, 'forbidden');
      connectionConfig.readOnly = access.role === 'viewer';
      const context: CollabContext = {
        userId,
        pageId,
        workId: access.workId,
        role: access.role,
        jti: claims.jti,
        exp: claims.exp,
        iat: claims.iat,
        authorizedAt: Date.now(),
      };
      return context;
    } catch (error) {
      if (error instanceof TokenRefusedError) throw refusal(Unauthorized, error.problem);
      if (!(error instanceof Error)) throw error;
      this.deps.log.error({ err: error, documentName }, 'authorization failed');
      throw refusal(TryAgainLater, 'unavailable');
    }
  }

  async onTokenSync({ token, connection }: onTokenSyncPayload<CollabContext>) {
    const context = connection.context;
    try {
      const { userId, claims } = await authenticateToken(token, this.deps);
      if (userId !== context.userId) {
        closeSocket(connection, refusal(Unauthorized, 'token-user-changed'));
        return;
      }
      context.jti = claims.jti;
      context.exp = claims.exp;
      context.iat = claims.iat;
    } catch (error) {
      if (error instanceof TokenRefusedError) {
        closeSocket(connection, refusal(Unauthorized, error.problem));
        return;
      }
      // Could not check (Redis away): keep the current token until it expires.
      this.deps.log.warn({ err: error }, 'token refresh could not be checked');
    }
  }

  async onDestroy() {
    clearInterval(this.sweep);
  }

  /** Closes connections whose token expired; asks the others for a fresh one shortly before. */
  private checkExpiries() {
    if (!this.instance) return;
    const now = Date.now() / 1000;
    for (const connection of openConnections(this.instance)) {
      const exp = connection.context?.exp;
      if (typeof exp !== 'number') continue;
      if (exp <= now) {
        closeSocket(connection, refusal(Unauthorized, 'token-expired'));
      } else if (
        exp - now <= this.deps.tokenRefreshLeadSeconds &&
        this.refreshRequested.get(connection) !== exp
      ) {
        this.refreshRequested.set(connection, exp);
        connection.requestToken();
      }
    }
  }
}

import { createServer, type Server as HttpServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { getRequestListener } from '@hono/node-server';
import { Hocuspocus } from '@hocuspocus/server';
import { closeServer, listen } from '@pluma/runtime';
import { GoingAway } from './close-events.ts';
import type { CollabContext, CollabDeps } from './deps.ts';
import { AccessRevocationExtension } from './extensions/access-revocation-extension.ts';
import { AuthExtension } from './extensions/auth-extension.ts';
import { IdleJobsExtension } from './extensions/idle-jobs-extension.ts';
import { LimitsExtension } from './extensions/limits-extension.ts';
import { PersistenceExtension } from './extensions/persistence-extension.ts';
import { createScaleOutExtension } from './extensions/scale-out-extension.ts';
import { SentimentRelayExtension } from './extensions/sentiment-relay-extension.ts';
import { createHttpApp } from './http/create-http-app.ts';
import { resolveCollabOptions, type CollabOptions } from './options.ts';
import {
  createCompactor,
  type CompactionOutcome,
  type CompactorStats,
} from './storage/compactor.ts';
import { createUpdateLog, type UpdateLogStats } from './storage/update-log.ts';
import { createCollabMetrics } from './telemetry/collab-metrics.ts';
import { countClientSockets } from './telemetry/count-client-sockets.ts';
import { countSocketRefusals } from './telemetry/count-socket-refusals.ts';
import { countThrottled } from './telemetry/count-throttled.ts';
import { traceCompactions } from './telemetry/traced-compactor.ts';
import { createConnectionThrottle } from './ws/connection-throttle.ts';
import { attachWebSocket } from './ws/attach-websocket.ts';

export interface CollabStats {
  appends: UpdateLogStats;
  compactions: CompactorStats;
  jobs: { enqueued: number; failed: number };
}

export interface CollabServer {
  readonly nodeId: string;
  readonly httpServer: HttpServer;
  readonly hocuspocus: Hocuspocus<CollabContext>;
  /** Starts listening; resolves with the port bound. */
  listen(port: number, host: string): Promise<number>;
  /** Compacts a document's log now, under the cluster-wide lease. */
  compact(documentName: string): Promise<CompactionOutcome>;
  stats(): CollabStats;
  /** Stops taking new connections and requests. */
  stopAccepting(): void;
  /**
   * Graceful stop: no new connections, every socket closed, every document unloaded and
   * compacted, appends finished, Redis subscriptions closed. Idempotent.
   */
  close(): Promise<void>;
}

/** How long close() waits for documents to unload before compacting what is left itself. */
const UNLOAD_WAIT_MS = 8000;

/** The collab node: Hocuspocus composed from one extension per concern, on an HTTP server of its own. */
export async function createCollabServer(
  deps: CollabDeps,
  overrides: Partial<CollabOptions> = {},
): Promise<CollabServer> {
  const options = resolveCollabOptions(overrides);
  const log = deps.log.child({ node: options.nodeId });
  const retry = options.storeRetry;
  const updateLog = createUpdateLog(deps.orm, retry, log);
  // Spans need no set-up (the tracer is a proxy); instruments are made here, once the SDK runs.
  const metrics = createCollabMetrics();
  const compactor = traceCompactions(
    createCompactor({
      orm: deps.orm,
      redis: deps.redis,
      redisPrefix: deps.redisPrefix,
      nodeId: options.nodeId,
      leaseMs: options.compaction.leaseMs,
      retry,
      log,
    }),
    metrics,
  );
  const revocations = new AccessRevocationExtension({
    redis: deps.redis,
    redisPrefix: deps.redisPrefix,
    log,
  });
  const idleJobs = new IdleJobsExtension({ jobs: deps.jobs, log, idleMs: options.idleJobDelayMs });
  const sentimentRelay = new SentimentRelayExtension({
    redis: deps.redis,
    redisPrefix: deps.redisPrefix,
    log,
  });

  const hocuspocus = new Hocuspocus<CollabContext>({
    name: options.nodeId,
    quiet: true,
    timeout: options.idleSocketTimeoutMs,
    unloadImmediately: true,
    extensions: [
      createScaleOutExtension({
        redisUrl: deps.redisUrl,
        redisPrefix: deps.redisPrefix,
        nodeId: options.nodeId,
        disconnectDelayMs: options.redisDisconnectDelayMs,
      }),
      new LimitsExtension({
        maxConnectionsPerDocument: options.maxConnectionsPerDocument,
        metrics,
      }),
      new AuthExtension({
        orm: deps.orm,
        redis: deps.redis,
        redisPrefix: deps.redisPrefix,
        jwtSecret: deps.jwtSecret,
        log,
        retry,
        tokenRefreshLeadSeconds: options.tokenRefreshLeadSeconds,
        metrics,
      }),
      revocations,
      new PersistenceExtension({
        orm: deps.orm,
        log,
        updateLog,
        compactor,
        retry,
        compaction: options.compaction,
        metrics,
      }),
      idleJobs,
      sentimentRelay,
    ],
  });
  metrics.observe({
    connections: () => countClientSockets(hocuspocus),
    documents: () => hocuspocus.getDocumentsCount(),
  });
  await revocations.start();
  await sentimentRelay.start();

  const app = createHttpApp({
    orm: deps.orm,
    redis: deps.redis,
    redisPrefix: deps.redisPrefix,
    jwtSecret: deps.jwtSecret,
    log,
    retry,
    updateLog,
    hocuspocus,
  });
  const httpServer = createServer(getRequestListener(app.fetch));
  const throttle = countThrottled(createConnectionThrottle(options.connectionAttempts), metrics);
  const gateway = attachWebSocket(httpServer, countSocketRefusals(hocuspocus, metrics), {
    maxMessageBytes: options.maxMessageBytes,
    throttle,
    log,
  });

  const stopAccepting = () => {
    gateway.stopAccepting();
    throttle.stop();
  };

  async function waitForUnload() {
    const deadline = Date.now() + UNLOAD_WAIT_MS;
    const busy = () =>
      hocuspocus.documents.size +
        hocuspocus.loadingDocuments.size +
        hocuspocus.unloadingDocuments.size >
      0;
    while (busy() && Date.now() < deadline) await delay(20);
    // Whatever did not unload (a document still held open) is compacted here; its log is safe either way.
    for (const documentName of hocuspocus.documents.keys()) {
      await compactor.compact(documentName).catch((error: unknown) => {
        log.error({ err: error, documentName }, 'compaction at shutdown failed');
      });
    }
  }

  let closing: Promise<void> | undefined;
  async function shutDown() {
    stopAccepting();
    const httpClosed = closeServer(httpServer);
    await gateway.closeAll(GoingAway, 1000);
    await waitForUnload();
    await updateLog.idle();
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    httpServer.closeAllConnections();
    await httpClosed;
    metrics.stop();
    log.info(updateLog.stats, 'collab node closed');
  }

  return {
    nodeId: options.nodeId,
    httpServer,
    hocuspocus,
    listen: (port, host) => listen(httpServer, port, host, 'COLLAB_PORT'),
    compact: (documentName) => compactor.compact(documentName),
    stats: () => ({ appends: updateLog.stats, compactions: compactor.stats, jobs: idleJobs.stats }),
    stopAccepting,
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}

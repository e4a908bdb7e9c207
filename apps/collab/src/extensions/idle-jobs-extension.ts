import { isTransactionOrigin, type Extension, type onChangePayload } from '@hocuspocus/server';
import type { Logger } from '@pluma/telemetry/logger';
import type { CollabContext, CollabJobs } from '../deps.ts';
import { parsePageDocumentName } from '../document-name.ts';

export interface IdleJobsExtensionDeps {
  jobs: CollabJobs;
  log: Logger;
  /** Quiet time after the last change before the page's jobs are enqueued. */
  idleMs: number;
}

/**
 * Hooks out: once a page has been idle for a moment after changes, enqueue one
 * `sentiment.score` job for it (the queue coalesces requests per page across nodes).
 */
export class IdleJobsExtension implements Extension<CollabContext> {
  extensionName = 'idle-jobs';
  private readonly deps: IdleJobsExtensionDeps;
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; pageId: number }>();
  private readonly inFlight = new Set<Promise<unknown>>();
  readonly stats = { enqueued: 0, failed: 0 };

  constructor(deps: IdleJobsExtensionDeps) {
    this.deps = deps;
  }

  // Hocuspocus does not await onChange: this must never throw.
  async onChange({ documentName, transactionOrigin }: onChangePayload<CollabContext>) {
    // The node where the edit arrived enqueues; peers only relay it.
    if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis') return;
    const pageId = parsePageDocumentName(documentName);
    if (pageId === null) return;
    clearTimeout(this.timers.get(documentName)?.timer);
    const timer = setTimeout(() => this.fire(documentName), this.deps.idleMs);
    this.timers.set(documentName, { timer, pageId });
  }

  async onDestroy() {
    // Shutting down: enqueue what is pending now rather than lose it.
    for (const documentName of [...this.timers.keys()]) this.fire(documentName);
    await Promise.allSettled([...this.inFlight]);
  }

  private fire(documentName: string) {
    const pending = this.timers.get(documentName);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.timers.delete(documentName);
    const enqueue = this.deps.jobs.enqueueSentimentScore(pending.pageId).then(
      () => {
        this.stats.enqueued += 1;
      },
      (error: unknown) => {
        this.stats.failed += 1;
        this.deps.log.error(
          { err: error, pageId: pending.pageId },
          'sentiment.score enqueue failed',
        );
      },
    );
    this.inFlight.add(enqueue);
    void enqueue.finally(() => this.inFlight.delete(enqueue));
  }
}

import { randomBytes } from 'node:crypto';
import { MessageTooBig } from '@hocuspocus/common';
import { context, metrics, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import {
  DataPointType,
  MeterProvider,
  MetricReader,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { MalformedMessage } from '../close-events.ts';
import { pageDocumentName } from '../document-name.ts';
import {
  connectClient,
  createHarness,
  type Harness,
  type RunningCollab,
  type TestClient,
} from '../test-support/harness.ts';
import { appendParagraph } from '../test-support/page-edits.ts';
import { REFUSAL_REASONS } from './refusal-reason.ts';

/** Collects on demand, as a Prometheus scrape does. */
class ScrapeReader extends MetricReader {
  protected async onForceFlush() {}
  protected async onShutdown() {}
}

const MAX_MESSAGE_BYTES = 16 * 1024;
const spans = new InMemorySpanExporter();
const tracerProvider = new TracerProvider({
  spanProcessors: [new SimpleSpanProcessor({ exporter: spans })],
});
const reader = new ScrapeReader();
const meterProvider = new MeterProvider({ readers: [reader] });
const contextManager = new AsyncLocalStorageContextManager();
let harness: Harness;
let node: RunningCollab;
const clients: TestClient[] = [];

beforeAll(async () => {
  // Registered before the server is built, as packages/telemetry does before start-collab loads.
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  harness = await createHarness('telemetry');
  node = await harness.start({ maxMessageBytes: MAX_MESSAGE_BYTES });
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await harness?.close();
  await tracerProvider.shutdown();
  await meterProvider.shutdown();
  trace.disable();
  metrics.disable();
  context.disable();
});

function connect(documentName: string, token: string): TestClient {
  const client = connectClient(node.url, documentName, token);
  clients.push(client);
  return client;
}

function spansFor(name: string, documentName: string): ReadableSpan[] {
  return spans
    .getFinishedSpans()
    .filter(
      (span) => span.name === name && span.attributes['pluma.document.name'] === documentName,
    );
}

async function scrape(name: string): Promise<MetricData | undefined> {
  const { resourceMetrics } = await reader.collect();
  return resourceMetrics.scopeMetrics
    .flatMap((scope) => scope.metrics)
    .find((metric) => metric.descriptor.name === name);
}

/** The value of a gauge or counter series (the one without labels unless `attributes` are given). */
async function valueOf(name: string, attributes: Record<string, string> = {}): Promise<number> {
  const metric = await scrape(name);
  const point = metric?.dataPoints.find(
    (p) => JSON.stringify(p.attributes) === JSON.stringify(attributes),
  );
  return typeof point?.value === 'number' ? point.value : Number.NaN;
}

async function histogramCount(name: string): Promise<number> {
  const metric = await scrape(name);
  if (metric?.dataPointType !== DataPointType.HISTOGRAM) return Number.NaN;
  return metric.dataPoints.reduce((sum, point) => sum + point.value.count, 0);
}

describe('collab traces', () => {
  it('traces an edit: authenticate, load, then the durable append, each with the document', async () => {
    const pageId = harness.seed.pageIds[0]!;
    const documentName = pageDocumentName(pageId);
    const owner = connect(documentName, await harness.token(harness.seed.users.owner));
    await vi.waitFor(() => expect(owner.synced()).toBe(true));
    appendParagraph(owner.doc, 'traced');
    await vi.waitFor(() => expect(owner.provider.hasUnsyncedChanges).toBe(false));

    const [authenticate] = spansFor('collab authenticate', documentName);
    const [load] = spansFor('collab load', documentName);
    expect(authenticate?.attributes['pluma.page.id']).toBe(pageId);
    expect(authenticate?.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(load?.attributes['pluma.page.id']).toBe(pageId);
    const appends = spansFor('collab append', documentName);
    expect(appends.length).toBeGreaterThan(0);
    for (const append of appends) {
      expect(append.status.code).not.toBe(SpanStatusCode.ERROR);
      // Each edit is its own trace: nothing of the connection's set-up (an ended authenticate
      // or load span) leaks in as its parent.
      expect(append.parentSpanContext).toBeUndefined();
      expect(append.spanContext().traceId).not.toBe(authenticate?.spanContext().traceId);
      expect(append.spanContext().traceId).not.toBe(load?.spanContext().traceId);
    }
  });

  it('traces the unload, with the compaction inside it', async () => {
    const documentName = pageDocumentName(harness.seed.pageIds[2]!);
    const editor = connect(documentName, await harness.token(harness.seed.users.editor));
    await vi.waitFor(() => expect(editor.synced()).toBe(true));
    appendParagraph(editor.doc, 'to be compacted');
    await vi.waitFor(() => expect(editor.provider.hasUnsyncedChanges).toBe(false));
    editor.destroy();

    await vi.waitFor(() => expect(spansFor('collab unload', documentName)).toHaveLength(1));
    const [unload] = spansFor('collab unload', documentName);
    const [compact] = spansFor('collab compact', documentName);
    expect(compact?.parentSpanContext?.spanId).toBe(unload?.spanContext().spanId);
    expect(compact?.attributes['pluma.collab.compaction.outcome']).toBe('compacted');
    expect(await histogramCount('pluma_collab_compaction_duration_seconds')).toBeGreaterThan(0);
  });

  it('marks a refused authentication failed, with the reason', async () => {
    const documentName = pageDocumentName(harness.seed.pageIds[0]!);
    const stranger = connect(documentName, await harness.token(harness.seed.users.stranger));
    await vi.waitFor(() => expect(stranger.refusals).toEqual(['forbidden']));
    const refused = spansFor('collab authenticate', documentName).find(
      (span) => span.status.code === SpanStatusCode.ERROR,
    );
    expect(refused?.status.message).toBe('forbidden');
    expect(refused?.attributes['pluma.collab.refusal.reason']).toBe('forbidden');
  });
});

describe('collab metrics', () => {
  it('exports every refusal reason from start-up', async () => {
    const refused = await scrape('pluma_collab_connections_refused_total');
    const reasons = refused?.dataPoints.map((point) => point.attributes.reason);
    expect(reasons).toEqual(expect.arrayContaining([...REFUSAL_REASONS]));
  });

  it('counts connections, open documents, updates and appends of two editors', async () => {
    const documentName = pageDocumentName(harness.seed.pageIds[1]!);
    await vi.waitFor(async () => expect(await valueOf('pluma_collab_connections')).toBe(0));
    const updatesBefore = await valueOf('pluma_collab_updates_total');
    const appendsBefore = await histogramCount('pluma_collab_append_duration_seconds');

    const owner = connect(documentName, await harness.token(harness.seed.users.owner));
    const editor = connect(documentName, await harness.token(harness.seed.users.editor));
    await vi.waitFor(() => expect(owner.synced() && editor.synced()).toBe(true));
    appendParagraph(owner.doc, 'one');
    appendParagraph(editor.doc, 'two');
    await vi.waitFor(() =>
      expect(owner.provider.hasUnsyncedChanges || editor.provider.hasUnsyncedChanges).toBe(false),
    );

    expect(await valueOf('pluma_collab_connections')).toBe(2);
    expect(await valueOf('pluma_collab_documents_open')).toBe(1);
    expect(await valueOf('pluma_collab_updates_total')).toBeGreaterThanOrEqual(updatesBefore + 2);
    expect(await histogramCount('pluma_collab_append_duration_seconds')).toBeGreaterThanOrEqual(
      appendsBefore + 2,
    );

    owner.destroy();
    editor.destroy();
    await vi.waitFor(async () => {
      expect(await valueOf('pluma_collab_connections')).toBe(0);
      expect(await valueOf('pluma_collab_documents_open')).toBe(0);
    });
  });

  it('counts a connection with a bad token as refused, unauthenticated', async () => {
    const documentName = pageDocumentName(harness.seed.pageIds[1]!);
    const unauthenticated = { reason: 'unauthenticated' };
    const before = await valueOf('pluma_collab_connections_refused_total', unauthenticated);
    const forged = connect(documentName, 'not.a.token');
    await vi.waitFor(() => expect(forged.refusals).toEqual(['token-invalid']));
    expect(await valueOf('pluma_collab_connections_refused_total', unauthenticated)).toBe(
      before + 1,
    );
  });

  it('counts sockets cut for an oversized or malformed frame, and throttled attempts', async () => {
    const refusedAs = (reason: string) =>
      valueOf('pluma_collab_connections_refused_total', { reason });
    const before = {
      tooLarge: await refusedAs('too_large'),
      malformed: await refusedAs('malformed'),
      throttled: await refusedAs('throttled'),
    };
    const sendAndClose = async (url: string, frame: Uint8Array | string) => {
      const ws = new WebSocket(url);
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      ws.on('open', () => ws.send(frame));
      return closed;
    };
    expect(await sendAndClose(node.url, randomBytes(MAX_MESSAGE_BYTES + 1))).toBe(
      MessageTooBig.code,
    );
    expect(await sendAndClose(node.url, 'not a Hocuspocus message')).toBe(MalformedMessage.code);
    await vi.waitFor(async () => {
      expect(await refusedAs('too_large')).toBe(before.tooLarge + 1);
      expect(await refusedAs('malformed')).toBe(before.malformed + 1);
    });

    const throttledNode = await harness.start({
      connectionAttempts: { max: 1, windowMs: 60_000, exemptLoopback: false },
    });
    const first = new WebSocket(throttledNode.url);
    await new Promise((resolve) => first.on('open', resolve));
    const second = new WebSocket(throttledNode.url);
    await new Promise((resolve) => second.on('error', resolve));
    first.close();
    expect(await refusedAs('throttled')).toBe(before.throttled + 1);
  });

  it('scrapes under the names of observability/metrics.md, append buckets from 1 ms to 2.5 s', async () => {
    const { resourceMetrics } = await reader.collect();
    const text = new PrometheusSerializer().serialize(resourceMetrics);
    for (const [name, type] of [
      ['pluma_collab_connections', 'gauge'],
      ['pluma_collab_documents_open', 'gauge'],
      ['pluma_collab_updates_total', 'counter'],
      ['pluma_collab_append_duration_seconds', 'histogram'],
      ['pluma_collab_compaction_duration_seconds', 'histogram'],
      ['pluma_collab_connections_refused_total', 'counter'],
    ])
      expect(text).toContain(`# TYPE ${name} ${type}`);
    expect(text).toMatch(/^pluma_collab_append_duration_seconds_bucket\{[^}]*le="0.001"/m);
    expect(text).toMatch(/^pluma_collab_append_duration_seconds_bucket\{[^}]*le="2.5"/m);
    expect(text).toMatch(
      /^pluma_collab_connections_refused_total\{[^}]*reason="too_many_connections"[^}]*\} \d+$/m,
    );
  });
});

import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  metrics,
  propagation,
  trace,
  type Attributes,
  type Counter,
  type Histogram,
} from '@opentelemetry/api';
import type { Job } from 'bullmq';
import { QUEUE_NAMES, type QueueName } from './jobs.ts';

/**
 * The W3C trace context of the request that enqueued a job, carried in its data beside the
 * payload. Job schemas are non-strict objects, so handlers parsing the payload never see it.
 */
export interface JobTraceCarrier {
  traceparent: string;
  tracestate?: string;
}

const tracer = trace.getTracer('pluma-queue');

function messagingAttributes(queue: string, operation: 'send' | 'process'): Attributes {
  return {
    'messaging.system': 'bullmq',
    'messaging.destination.name': queue,
    'messaging.operation.type': operation,
  };
}

/** The active context as a carrier, or undefined when nothing is being traced. */
function currentCarrier(): JobTraceCarrier | undefined {
  const carrier: Partial<JobTraceCarrier> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? (carrier as JobTraceCarrier) : undefined;
}

/**
 * Runs `add` inside a PRODUCER span `send <job name>` and gives it the data to store: the payload
 * plus `_trace`, so the consumer's span continues this trace.
 */
export async function sendTraced<T>(
  queue: string,
  jobName: string,
  add: (
    withTrace: <D extends object>(payload: D) => D & { _trace?: JobTraceCarrier },
  ) => Promise<T>,
  messageId: (result: T) => string | undefined = () => undefined,
): Promise<T> {
  return tracer.startActiveSpan(
    `send ${jobName}`,
    { kind: SpanKind.PRODUCER, attributes: messagingAttributes(queue, 'send') },
    async (span) => {
      try {
        const carrier = currentCarrier();
        const result = await add((payload) =>
          carrier ? { ...payload, _trace: carrier } : payload,
        );
        const id = messageId(result);
        if (id !== undefined) span.setAttribute('messaging.message.id', id);
        return result;
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The trace context a job carries: `_trace`, or the older `traceparent` field of csv.ingest and fan-out jobs. */
function carrierOf(data: unknown): JobTraceCarrier | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { _trace, traceparent } = data as { _trace?: unknown; traceparent?: unknown };
  if (typeof _trace === 'object' && _trace !== null) {
    const carrier = _trace as Partial<JobTraceCarrier>;
    if (typeof carrier.traceparent === 'string')
      return {
        traceparent: carrier.traceparent,
        ...(typeof carrier.tracestate === 'string' ? { tracestate: carrier.tracestate } : {}),
      };
  }
  return typeof traceparent === 'string' ? { traceparent } : undefined;
}

interface QueueInstruments {
  wait: Histogram;
  processing: Histogram;
  completed: Counter;
  failed: Counter;
}

let instruments: QueueInstruments | undefined;

/** Created on first use (after the process' telemetry started), each queue's counters at 0. */
function queueInstruments(): QueueInstruments {
  if (instruments) return instruments;
  const meter = metrics.getMeter('pluma-queue');
  const seconds = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600];
  instruments = {
    wait: meter.createHistogram('pluma_queue_job_wait_seconds', {
      description: 'Time from enqueue to the start of processing, per queue',
      unit: 's',
      advice: { explicitBucketBoundaries: seconds },
    }),
    processing: meter.createHistogram('pluma_queue_job_processing_seconds', {
      description: 'Time one attempt of a job takes, per queue',
      unit: 's',
      advice: { explicitBucketBoundaries: seconds },
    }),
    completed: meter.createCounter('pluma_queue_jobs_completed_total', {
      description: 'Jobs completed, per queue',
    }),
    failed: meter.createCounter('pluma_queue_jobs_failed_total', {
      description: 'Job attempts that failed (retried or given up), per queue',
    }),
  };
  for (const queue of Object.values(QUEUE_NAMES)) {
    instruments.completed.add(0, { queue });
    instruments.failed.add(0, { queue });
  }
  return instruments;
}

/**
 * Wraps a BullMQ processor: each attempt runs in a CONSUMER span `process <job name>` whose parent
 * is the producer's span (from the job data), and feeds the queue's wait, processing, completed
 * and failed metrics.
 */
export function processTraced<R>(
  queue: QueueName,
  handler: (job: Job, token?: string) => Promise<R>,
): (job: Job, token?: string) => Promise<R> {
  const { wait, processing, completed, failed } = queueInstruments();
  return (job, token) => {
    const carrier = carrierOf(job.data);
    const parent = carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
    const labels = { queue };
    const started = Date.now();
    if (job.timestamp)
      wait.record(Math.max(0, (job.processedOn ?? started) - job.timestamp) / 1000, labels);
    const attributes: Attributes = {
      ...messagingAttributes(queue, 'process'),
      'messaging.message.id': String(job.id),
      'messaging.bullmq.attempt': job.attemptsMade + 1,
    };
    return tracer.startActiveSpan(
      `process ${job.name}`,
      { kind: SpanKind.CONSUMER, attributes },
      parent,
      async (span) => {
        try {
          const result = await handler(job, token);
          completed.add(1, labels);
          return result;
        } catch (error) {
          failed.add(1, labels);
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          processing.record((Date.now() - started) / 1000, labels);
          span.end();
        }
      },
    );
  };
}

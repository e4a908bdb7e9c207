import { Queue, type JobsOptions } from 'bullmq';
import { JOBS, type JobName, type JobPayload, type QueueName } from './jobs.ts';
import { sendTraced } from './job-telemetry.ts';

export interface JobProducerOptions {
  /** redis:// URL of the Redis the workers read from. */
  redisUrl: string;
  /** BullMQ key prefix (tests pass their own so queues never mix); `bull` when absent. */
  prefix?: string;
}

export interface JobProducer {
  /** Validates the payload against the job's schema and adds it to the job's queue. */
  enqueue<N extends JobName>(
    name: N,
    data: JobPayload<N>,
    options?: JobsOptions,
  ): Promise<string | undefined>;
  /** The BullMQ queue a job family travels on (created on first use). */
  queue(name: QueueName): Queue;
  close(): Promise<void>;
}

/** Retried with backoff; finished jobs kept a while for inspection, then trimmed. */
const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};

/** Creates a producer that adds validated jobs to their queues. */
export function createJobProducer(options: JobProducerOptions): JobProducer {
  const queues = new Map<QueueName, Queue>();
  const queueOf = (name: QueueName) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        // A producer should fail a command rather than queue it forever while Redis is away.
        connection: { url: options.redisUrl, maxRetriesPerRequest: 2 },
        ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      queue.on('error', () => {
        // Surfaced through the failed add(); without a listener the emitter would throw.
      });
      queues.set(name, queue);
    }
    return queue;
  };
  return {
    async enqueue(name, data, jobOptions) {
      const contract = JOBS[name];
      const payload = contract.schema.parse(data);
      return sendTraced(
        contract.queue,
        name,
        async (withTrace) =>
          (await queueOf(contract.queue).add(name, withTrace(payload), jobOptions)).id,
        (id) => id,
      );
    },
    queue: queueOf,
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      queues.clear();
    },
  };
}

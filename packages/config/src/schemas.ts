import { z } from 'zod';
import {
  booleanFlag,
  jwtSecret,
  logLevel,
  optionalUrl,
  optionalPort,
  port,
  requiredString,
  urlOf,
} from './fields.ts';

// Variables every process reads. Each app's schema is this plus what it needs.
const common = {
  LOG_LEVEL: logLevel,
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl('http:', 'https:'),
  OTEL_SERVICE_INSTANCE_ID: z.string().optional(),
  /** Prometheus `/metrics` on its own port, bound to the app's host; unset: no metrics server. */
  METRICS_PORT: optionalPort(),
};

const database = {
  DATABASE_URL: urlOf('mysql:', 'mariadb:'),
  DATABASE_READ_URL: optionalUrl('mysql:', 'mariadb:'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  MIGRATE_ON_START: booleanFlag(true),
};

const redis = {
  REDIS_URL: urlOf('redis:', 'rediss:'),
  /** Prefix of Pluma's own Redis keys and channels (empty in production; lets stacks share a Redis). */
  REDIS_PREFIX: z.string().default(''),
};

const s3 = {
  S3_ENDPOINT: urlOf('http:', 'https:'),
  S3_ACCESS_KEY: requiredString,
  S3_SECRET_KEY: requiredString,
  S3_BUCKET: requiredString.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    error: 'must be a valid S3 bucket name',
  }),
  S3_REGION: z.string().default('us-east-1'),
};

const mail = {
  SMTP_URL: urlOf('smtp:', 'smtps:'),
  MAIL_FROM: requiredString,
};

/** BullMQ key prefix shared by producers and workers; tests give each run its own. */
const queue = { QUEUE_PREFIX: z.string().min(1, { error: 'must not be empty' }).default('bull') };

/** Prefix of the Redis channels the socket.io adapter (API nodes) and emitters (workers) share. */
const realtime = {
  SOCKET_IO_REDIS_KEY: z.string().min(1, { error: 'must not be empty' }).default('socket.io'),
};

const publicUrl = { PUBLIC_URL: urlOf('http:', 'https:').default('http://localhost:8080') };

export const ApiConfigSchema = z.object({
  ...common,
  ...database,
  ...redis,
  ...s3,
  ...publicUrl,
  ...queue,
  ...realtime,
  JWT_SECRET: jwtSecret,
  API_PORT: port(3001),
  API_HOST: z.string().default('127.0.0.1'),
  /** Reverse proxies in front of the API that append to X-Forwarded-For; 0 trusts the socket address only. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Largest CSV upload accepted, in bytes (1 GiB); a larger body is refused while it streams. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(1024 ** 3),
});
export type ApiConfig = z.infer<typeof ApiConfigSchema>;

export const CollabConfigSchema = z.object({
  ...common,
  ...database,
  ...redis,
  ...queue,
  JWT_SECRET: jwtSecret,
  COLLAB_PORT: port(3002),
  COLLAB_HOST: z.string().default('127.0.0.1'),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number({ error: 'must be a number of bytes' })
    .int()
    .min(64 * 1024, { error: 'must be at least 65536' })
    .max(64 * 1024 * 1024, { error: 'must be at most 67108864' })
    .default(2 * 1024 * 1024),
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(1)
    .default(200),
});
export type CollabConfig = z.infer<typeof CollabConfigSchema>;

export const WorkersConfigSchema = z.object({
  ...common,
  ...database,
  ...redis,
  ...s3,
  ...mail,
  ...publicUrl,
  ...queue,
  ...realtime,
  WORKERS_PORT: port(3003),
  WORKERS_HOST: z.string().default('127.0.0.1'),
  WORKERS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** CSV ingestion: batches written in parallel per job, each on its own connection. */
  INGEST_PARALLEL_BATCHES: z.coerce.number().int().min(1).max(8).default(4),
  /** CSV ingestion: a job whose worker died is picked up again after about this long. */
  INGEST_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
});
export type WorkersConfig = z.infer<typeof WorkersConfigSchema>;

export const WebConfigSchema = z.object({
  ...common,
  WEB_PORT: port(3000),
  WEB_HOST: z.string().default('127.0.0.1'),
});
export type WebConfig = z.infer<typeof WebConfigSchema>;

/** What the migration command needs. */
export const DbConfigSchema = z.object({ ...database });
export type DbConfig = z.infer<typeof DbConfigSchema>;

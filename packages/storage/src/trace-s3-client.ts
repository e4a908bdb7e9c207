import { SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import type { Client } from 'minio';

const tracer = trace.getTracer('pluma-storage');

/** The client methods that reach the server, with their S3 operation names. */
const OPERATIONS = {
  bucketExists: 'HeadBucket',
  makeBucket: 'CreateBucket',
  putObject: 'PutObject',
  getObject: 'GetObject',
  statObject: 'HeadObject',
  removeObject: 'DeleteObject',
  initiateNewMultipartUpload: 'CreateMultipartUpload',
  uploadPart: 'UploadPart',
  completeMultipartUpload: 'CompleteMultipartUpload',
  abortMultipartUpload: 'AbortMultipartUpload',
} as const;

type Method = keyof typeof OPERATIONS;
type AnyAsync = (...args: unknown[]) => Promise<unknown>;

/** Bucket, key and (for a put) size; never credentials or object contents. */
function attributesOf(method: Method, args: unknown[], server: string): Attributes {
  const attributes: Attributes = {
    'rpc.system': 'aws-api',
    'rpc.service': 'S3',
    'rpc.method': OPERATIONS[method],
    'server.address': server,
  };
  const part = args[0] as { bucketName?: unknown; objectName?: unknown; partNumber?: unknown };
  if (method === 'uploadPart' && typeof part === 'object' && part !== null) {
    if (typeof part.bucketName === 'string') attributes['aws.s3.bucket'] = part.bucketName;
    if (typeof part.objectName === 'string') attributes['aws.s3.key'] = part.objectName;
    if (typeof part.partNumber === 'number') attributes['aws.s3.part_number'] = part.partNumber;
    return attributes;
  }
  if (typeof args[0] === 'string') attributes['aws.s3.bucket'] = args[0];
  if (method !== 'makeBucket' && method !== 'bucketExists' && typeof args[1] === 'string')
    attributes['aws.s3.key'] = args[1];
  if (method === 'putObject' && typeof args[3] === 'number')
    attributes['aws.s3.content_length'] = args[3];
  return attributes;
}

/**
 * Wraps the client's network calls in CLIENT spans `S3 <Operation>` (e.g. `S3 PutObject`), so an
 * upload or ingestion trace shows its object store time.
 */
export function traceS3Client(client: Client, server: string): Client {
  const target = client as unknown as Record<Method, AnyAsync>;
  for (const method of Object.keys(OPERATIONS) as Method[]) {
    const original = target[method].bind(client);
    target[method] = (...args: unknown[]) =>
      tracer.startActiveSpan(
        `S3 ${OPERATIONS[method]}`,
        { kind: SpanKind.CLIENT, attributes: attributesOf(method, args, server) },
        async (span) => {
          try {
            return await original(...args);
          } catch (error) {
            span.setStatus({
              code: SpanStatusCode.ERROR,
              message: (error as { code?: string }).code ?? (error as Error).message,
            });
            throw error;
          } finally {
            span.end();
          }
        },
      );
  }
  return client;
}

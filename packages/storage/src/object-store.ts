import { Client } from 'minio';
import { StartupError, describeEndpoint, reasonOf } from '@pluma/runtime';
import { traceS3Client } from './trace-s3-client.ts';

export interface ObjectStoreOptions {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region?: string;
}

export interface ObjectStore {
  client: Client;
  bucket: string;
  /** Resolves when the bucket answers; used by /readyz. */
  ping(): Promise<void>;
}

/** Creates the S3 client (MinIO in production, any S3-compatible server locally). */
export function createObjectStore(options: ObjectStoreOptions): ObjectStore {
  const url = new URL(options.endpoint);
  const client = new Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
    useSSL: url.protocol === 'https:',
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    region: options.region ?? 'us-east-1',
    pathStyle: true,
  });
  traceS3Client(client, url.host);
  return {
    client,
    bucket: options.bucket,
    async ping() {
      const exists = await client.bucketExists(options.bucket);
      if (!exists) throw new Error(`bucket ${options.bucket} does not exist`);
    },
  };
}

/** Creates the bucket when missing; a failure names S3_ENDPOINT. */
export async function ensureBucket(
  store: ObjectStore,
  endpoint: string,
  region = 'us-east-1',
): Promise<void> {
  try {
    if (!(await store.client.bucketExists(store.bucket))) {
      await store.client.makeBucket(store.bucket, region);
    }
  } catch (error) {
    throw new StartupError(
      `S3_ENDPOINT: cannot use the object store at ${describeEndpoint(endpoint)} (${reasonOf(error)}); start it or fix S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY.`,
      { cause: error },
    );
  }
}

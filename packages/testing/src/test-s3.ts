import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedS3 } from '@pluma/devstack';
import { Client } from 'minio';

export interface TestS3 {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  /** A minio client for the test's own checks (the code under test makes its own). */
  client: Client;
  stop(): Promise<void>;
}

/**
 * An S3 bucket of this test's own: on the configured S3_ENDPOINT when `npm test` provides one,
 * else on an embedded S3-compatible server started for this test file.
 */
export async function startTestS3(): Promise<TestS3> {
  const bucket = `test-${randomBytes(4).toString('hex')}`;
  let endpoint = process.env.S3_ENDPOINT;
  let accessKey = process.env.S3_ACCESS_KEY ?? '';
  let secretKey = process.env.S3_SECRET_KEY ?? '';
  let stopServer = async () => {};
  if (!endpoint) {
    const dir = await mkdtemp(join(tmpdir(), 'pluma-s3-'));
    const server = await startEmbeddedS3({ port: 0, directory: dir, bucket });
    ({ endpoint, accessKey, secretKey } = server);
    stopServer = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const url = new URL(endpoint);
  const client = new Client({
    endPoint: url.hostname,
    port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
    useSSL: url.protocol === 'https:',
    accessKey,
    secretKey,
    pathStyle: true,
  });
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);
  return { endpoint, accessKey, secretKey, bucket, client, stop: stopServer };
}

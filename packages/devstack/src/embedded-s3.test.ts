import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'minio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedS3, type EmbeddedS3 } from './embedded-s3.ts';

describe('embedded S3', () => {
  let s3: EmbeddedS3;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pluma-s3-'));
    s3 = await startEmbeddedS3({ port: 0, directory: dir, bucket: 'pluma-test' });
  });
  afterAll(async () => {
    await s3.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores and returns an object through the real minio client', async () => {
    const url = new URL(s3.endpoint);
    const client = new Client({
      endPoint: url.hostname,
      port: Number(url.port),
      useSSL: false,
      accessKey: s3.accessKey,
      secretKey: s3.secretKey,
      pathStyle: true,
    });
    expect(await client.bucketExists('pluma-test')).toBe(true);
    await client.putObject('pluma-test', 'hello.txt', Buffer.from('hola'));
    const stream = await client.getObject('pluma-test', 'hello.txt');
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hola');
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from '@pluma/testing';
import { createObjectStore, ensureBucket } from './object-store.ts';

describe('object store', () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startTestS3();
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('creates a missing bucket, then answers ping', async () => {
    const bucket = `fresh-${randomBytes(4).toString('hex')}`;
    const store = createObjectStore({
      endpoint: s3.endpoint,
      accessKey: s3.accessKey,
      secretKey: s3.secretKey,
      bucket,
    });
    await expect(store.ping()).rejects.toThrow(/does not exist/);
    await ensureBucket(store, s3.endpoint);
    await expect(store.ping()).resolves.toBeUndefined();
    await store.client.removeBucket(bucket);
  });

  it('names S3_ENDPOINT when nothing answers there', async () => {
    const endpoint = 'http://127.0.0.1:1';
    const store = createObjectStore({ endpoint, accessKey: 'k', secretKey: 's', bucket: 'pluma' });
    await expect(ensureBucket(store, endpoint)).rejects.toThrow(
      /^S3_ENDPOINT: cannot use the object store at 127\.0\.0\.1:1 \(ECONNREFUSED\)/,
    );
  });
});

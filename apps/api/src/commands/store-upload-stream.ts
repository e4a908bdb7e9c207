import type { ObjectStore } from '@pluma/storage';

/** Size of each multipart part: the most of an upload held in memory at once. */
export const PART_BYTES = 8 * 1024 * 1024;

export interface StoredStream {
  bytes: number;
  /** True when the source passed `maxBytes`; nothing is left stored then. */
  tooLarge: boolean;
}

/**
 * Streams bytes into an object: one PUT when the whole body fits in a part, else a multipart upload
 * of PART_BYTES parts. Stops reading (and stores nothing) once `maxBytes` is passed; a failed
 * multipart upload is aborted so no parts linger.
 */
export async function storeUploadStream(
  storage: ObjectStore,
  key: string,
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<StoredStream> {
  const { client, bucket } = storage;
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let uploadId: string | undefined;
  const etags: { part: number; etag: string }[] = [];

  const flushPart = async () => {
    uploadId ??= await client.initiateNewMultipartUpload(bucket, key, {
      'content-type': 'text/csv',
    });
    const part = etags.length + 1;
    const payload = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    const { etag } = await client.uploadPart(
      { bucketName: bucket, objectName: key, uploadID: uploadId, partNumber: part, headers: {} },
      payload,
    );
    etags.push({ part, etag });
  };

  try {
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) {
        if (uploadId) await client.abortMultipartUpload(bucket, key, uploadId);
        return { bytes, tooLarge: true };
      }
      pending.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= PART_BYTES) await flushPart();
    }
    if (!uploadId) {
      await client.putObject(bucket, key, Buffer.concat(pending, pendingBytes), pendingBytes, {
        'content-type': 'text/csv',
      });
      return { bytes, tooLarge: false };
    }
    if (pendingBytes > 0) await flushPart();
    await client.completeMultipartUpload(bucket, key, uploadId, etags);
    return { bytes, tooLarge: false };
  } catch (error) {
    if (uploadId) await client.abortMultipartUpload(bucket, key, uploadId).catch(() => undefined);
    throw error;
  }
}

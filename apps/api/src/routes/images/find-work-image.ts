import { AppError } from '@pluma/errors';
import type { ObjectStore } from '@pluma/storage';
import { imageKey } from './image-key.ts';

/** How long the presigned URL a page image redirects to works. */
export const IMAGE_URL_TTL_SECONDS = 15 * 60;

/**
 * A fresh presigned GET URL of a stored page image; 404 when there is no such image in that work
 * (the key holds the work id, so an image id never opens another work's image).
 */
export async function findWorkImageUrl(
  storage: ObjectStore,
  workId: number,
  imageId: string,
): Promise<string> {
  const key = imageKey(workId, imageId);
  try {
    await storage.client.statObject(storage.bucket, key);
  } catch (error) {
    if (isMissing(error)) {
      throw new AppError('resource.not_found', `No image ${imageId} in work ${workId}.`);
    }
    throw error;
  }
  return storage.client.presignedGetObject(storage.bucket, key, IMAGE_URL_TTL_SECONDS);
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'NotFound' || code === 'NoSuchKey';
}

import { randomUUID } from 'node:crypto';
import { AppError } from '@pluma/errors';
import type { ObjectStore } from '@pluma/storage';
import { detectImageType } from '../../http/image-type.ts';
import type { WorkAccess } from '../works/works.policy.ts';
import { imageKey } from './image-key.ts';

/**
 * Stores an image for the work's pages under a new random id and returns the id. The type is
 * sniffed from the magic bytes (the declared Content-Type is not trusted).
 */
export async function storeWorkImage(
  storage: ObjectStore,
  access: WorkAccess,
  bytes: Uint8Array,
): Promise<string> {
  if (bytes.length === 0) {
    throw new AppError(
      'request.invalid',
      'body: the image is empty; send the image bytes as the body.',
      {
        errors: [{ path: '(body)', message: 'is empty' }],
      },
    );
  }
  const type = detectImageType(bytes);
  if (!type) {
    throw new AppError(
      'request.unsupported_media_type',
      'The image must be a PNG, JPEG or WebP (judged by its content, not its Content-Type).',
    );
  }
  const id = randomUUID();
  await storage.client.putObject(
    storage.bucket,
    imageKey(access.work.id, id),
    Buffer.from(bytes),
    bytes.length,
    // The object never changes under its key, so whoever fetches it may keep it.
    { 'Content-Type': type.mime, 'Cache-Control': 'private, max-age=31536000, immutable' },
  );
  return id;
}

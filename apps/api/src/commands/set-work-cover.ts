import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import type { ObjectStore } from '@pluma/storage';
import type { Logger } from '@pluma/telemetry/logger';
import { detectImageType } from '../http/image-type.ts';
import type { WorkAccess } from '../routes/works/works.policy.ts';

export interface SetWorkCoverDeps {
  em: EntityManager;
  storage: ObjectStore;
  log: Logger;
}

/**
 * Stores an image as the work's cover. The type is sniffed from the magic bytes (the declared
 * Content-Type is not trusted); each upload gets a new key, so a cached presigned URL never shows
 * a different image, and the previous object is removed afterwards.
 */
export async function setWorkCover(
  deps: SetWorkCoverDeps,
  access: WorkAccess,
  bytes: Uint8Array,
): Promise<WorkAccess> {
  if (bytes.length === 0) {
    throw new AppError(
      'request.invalid',
      'body: the cover image is empty; send the image bytes as the body.',
      {
        errors: [{ path: '(body)', message: 'is empty' }],
      },
    );
  }
  const type = detectImageType(bytes);
  if (!type) {
    throw new AppError(
      'request.unsupported_media_type',
      'The cover must be a PNG, JPEG or WebP image (judged by its content, not its Content-Type).',
    );
  }
  const { work } = access;
  const key = `works/${work.id}/cover-${randomBytes(8).toString('hex')}.${type.ext}`;
  await deps.storage.client.putObject(deps.storage.bucket, key, Buffer.from(bytes), bytes.length, {
    'Content-Type': type.mime,
  });
  const previous = work.coverKey;
  work.coverKey = key;
  await deps.em.flush();
  if (previous) {
    await deps.storage.client.removeObject(deps.storage.bucket, previous).catch((err: unknown) => {
      deps.log.warn({ err, workId: work.id, key: previous }, 'previous cover not removed');
    });
  }
  return access;
}

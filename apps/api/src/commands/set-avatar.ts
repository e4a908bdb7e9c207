import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/mysql';
import type { User } from '@pluma/db';
import { AppError } from '@pluma/errors';
import type { ApiDeps } from '../deps.ts';
import { detectImageType } from '../http/image-type.ts';

/**
 * Stores an image as the user's avatar. The type comes from the magic bytes (PNG, JPEG or WebP;
 * the declared Content-Type is not trusted); every upload gets a new key so a cached URL never
 * shows another image, and the previous object is removed afterwards.
 */
export async function setAvatar(
  deps: Pick<ApiDeps, 'storage' | 'log'>,
  em: EntityManager,
  user: User,
  bytes: Uint8Array,
): Promise<User> {
  if (bytes.length === 0) {
    throw new AppError(
      'request.invalid',
      '(body): the avatar is empty; send the image bytes as the body.',
      { errors: [{ path: '(body)', message: 'is empty' }] },
    );
  }
  const type = detectImageType(bytes);
  if (!type)
    throw new AppError(
      'request.unsupported_media_type',
      'The avatar must be a PNG, JPEG or WebP image (judged by its content, not its Content-Type).',
    );
  const key = `avatars/${user.id}/${randomBytes(8).toString('hex')}.${type.ext}`;
  await deps.storage.client.putObject(deps.storage.bucket, key, Buffer.from(bytes), bytes.length, {
    'Content-Type': type.mime,
  });
  const previous = user.avatarKey;
  user.avatarKey = key;
  await em.flush();
  if (previous) {
    await deps.storage.client.removeObject(deps.storage.bucket, previous).catch((err: unknown) => {
      deps.log.warn({ err, userId: user.id }, 'previous avatar not removed');
    });
  }
  return user;
}

import type { ObjectStore } from '@pluma/storage';
import type { Work } from '@pluma/db';
import type { WorkAccess } from './works.policy.ts';
import type { WorkView } from './works.schema.ts';

/** How long a presented cover URL works; clients fetch the work again for a fresh one. */
export const COVER_URL_TTL_SECONDS = 15 * 60;

/** A short-lived presigned GET URL of a cover (signed locally: no request to S3). */
export async function presentCoverUrl(
  storage: ObjectStore,
  coverKey: string | null | undefined,
): Promise<string | null> {
  if (!coverKey) return null;
  return storage.client.presignedGetObject(storage.bucket, coverKey, COVER_URL_TTL_SECONDS);
}

/** A work as the API shows it; `role` is the caller's (null for readers and lists). */
export async function presentWork(
  storage: ObjectStore,
  work: Work,
  role: WorkAccess['role'] = null,
): Promise<WorkView> {
  const publishedAt = work.publishedAt ?? null;
  return {
    id: work.id,
    title: work.title,
    description: work.description ?? null,
    genre: work.genre ? { slug: work.genre.slug, name: work.genre.name } : null,
    owner: { id: work.owner.id, handle: work.owner.handle, displayName: work.owner.displayName },
    coverUrl: await presentCoverUrl(storage, work.coverKey),
    published: publishedAt !== null,
    publishedAt: publishedAt?.toISOString() ?? null,
    role,
    createdAt: work.createdAt.toISOString(),
    updatedAt: work.updatedAt.toISOString(),
  };
}

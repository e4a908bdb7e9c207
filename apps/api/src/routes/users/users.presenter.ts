import type { ObjectStore } from '@pluma/storage';
import type { PublicProfile } from '../../commands/find-public-profile.ts';
import { presentAvatarUrl, presentMentorshipProfile } from '../me/me.presenter.ts';

/** A user's public profile: no e-mail address or preferences, only published works. */
export async function presentPublicProfile(storage: ObjectStore, { user, works }: PublicProfile) {
  return {
    handle: user.handle,
    displayName: user.displayName,
    avatarUrl: await presentAvatarUrl(storage, user.avatarKey),
    ...presentMentorshipProfile(user),
    createdAt: user.createdAt.toISOString(),
    works: works.map(({ work, role }) => ({
      id: work.id,
      title: work.title,
      description: work.description ?? null,
      publishedAt: (work.publishedAt ?? work.createdAt).toISOString(),
      role,
    })),
  };
}

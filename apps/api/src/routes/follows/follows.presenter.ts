import type { ObjectStore } from '@pluma/storage';
import type { FollowList } from '../../commands/list-follows.ts';
import { presentAvatarUrl } from '../me/me.presenter.ts';

/** A page of followers or followed users: public facts only. */
export async function presentFollowList(storage: ObjectStore, list: FollowList) {
  return {
    users: await Promise.all(
      list.items.map(async ({ user, since }) => ({
        handle: user.handle,
        displayName: user.displayName,
        avatarUrl: await presentAvatarUrl(storage, user.avatarKey),
        since: since.toISOString(),
      })),
    ),
    nextCursor: list.nextCursor,
  };
}

import type { FeedPage } from '../../commands/list-feed.ts';

/** A page of the feed: what was published, when and by whom. */
export function presentFeed(page: FeedPage) {
  return {
    works: page.works.map((work) => ({
      id: work.id,
      title: work.title,
      description: work.description ?? null,
      genre: work.genre?.slug ?? null,
      publishedAt: (work.publishedAt ?? work.createdAt).toISOString(),
      owner: { handle: work.owner.handle, displayName: work.owner.displayName },
    })),
    nextCursor: page.nextCursor,
  };
}

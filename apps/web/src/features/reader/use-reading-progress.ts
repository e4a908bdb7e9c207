import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { ApiClient } from '../../lib/api-client.ts';
import type { ReadingEntry } from './reader-types.ts';

/** How far through the text the reader is, as the character offset the API stores. */
function offsetOf(article: HTMLElement, textLength: number): number {
  const rect = article.getBoundingClientRect();
  const scrollable = rect.height - window.innerHeight;
  if (scrollable <= 0 || rect.top >= 0) return 0;
  const fraction = Math.min(1, -rect.top / scrollable);
  return Math.round(fraction * textLength);
}

/** Scrolls so that `position` (a character offset) is where the reader left off. */
export function scrollToOffset(article: HTMLElement, position: number, textLength: number): void {
  if (position <= 0 || textLength <= 0) return;
  const rect = article.getBoundingClientRect();
  const scrollable = rect.height - window.innerHeight;
  if (scrollable <= 0) return;
  const fraction = Math.min(1, position / textLength);
  window.scrollTo({ top: window.scrollY + rect.top + fraction * scrollable });
}

const SAVE_EVERY_MS = 2_000;

/**
 * Remembers where a signed-in reader is: once when a page opens, then while they scroll (at most
 * every two seconds, and once more when they stop or leave).
 */
export function useReadingProgress(
  api: ApiClient,
  options: {
    enabled: boolean;
    workId: number;
    pageId: number | undefined;
    textLength: number;
    article: RefObject<HTMLElement | null>;
  },
): void {
  const { enabled, workId, pageId, textLength, article } = options;
  const lastSaved = useRef('');

  useEffect(() => {
    if (!enabled || pageId === undefined) return;
    const save = () => {
      const position = article.current ? offsetOf(article.current, textLength) : 0;
      const key = `${pageId}:${position}`;
      if (key === lastSaved.current) return;
      lastSaved.current = key;
      api.put(`/works/${workId}/progress`, { pageId, position }).catch(() => {
        // Losing one progress mark is harmless; the next scroll saves again.
        lastSaved.current = '';
      });
    };
    save();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = Date.now();
    const onScroll = () => {
      clearTimeout(timer);
      if (Date.now() - last > SAVE_EVERY_MS) {
        last = Date.now();
        save();
      }
      timer = setTimeout(save, 600);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', save);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', save);
    };
  }, [api, enabled, workId, pageId, textLength, article]);
}

/** Where the caller left off in `workId`, from the reading list (most recent first). */
export async function findProgress(
  api: ApiClient,
  workId: number,
  signal: AbortSignal,
): Promise<ReadingEntry | undefined> {
  let cursor: string | null = null;
  // The work being reopened was read recently, so it is near the top; a few pages suffice.
  for (let round = 0; round < 4; round += 1) {
    const list: { items: ReadingEntry[]; nextCursor: string | null } = await api.get(
      `/me/reading?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { signal },
    );
    const found = list.items.find((entry) => entry.work.id === workId);
    if (found) return found;
    cursor = list.nextCursor;
    if (!cursor) return undefined;
  }
  return undefined;
}

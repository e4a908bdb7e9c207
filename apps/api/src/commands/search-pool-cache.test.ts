import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSearchPoolCache } from './search-pool-cache.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('createSearchPoolCache', () => {
  it('forgets a pool once its time is up', () => {
    vi.useFakeTimers();
    const cache = createSearchPoolCache({ ttlMs: 1000, maxEntries: 10 });
    cache.set('page|100|+word', [[1, 2.5]]);
    vi.advanceTimersByTime(999);
    expect(cache.get('page|100|+word')).toEqual([[1, 2.5]]);
    vi.advanceTimersByTime(1);
    expect(cache.get('page|100|+word')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest first', () => {
    const cache = createSearchPoolCache({ ttlMs: 60_000, maxEntries: 2 });
    cache.set('a', [[1, 1]]);
    cache.set('b', [[2, 1]]);
    cache.set('c', [[3, 1]]);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([
      undefined,
      [[2, 1]],
      [[3, 1]],
    ]);
  });
});

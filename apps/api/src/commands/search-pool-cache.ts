/** Candidates for one query: document ids with their FULLTEXT relevance, most relevant first. */
export type SearchPool = readonly (readonly [id: number, relevance: number])[];

/** A short-lived, bounded memory of public candidate pools, per API process. */
export interface SearchPoolCache {
  get(key: string): SearchPool | undefined;
  set(key: string, pool: SearchPool): void;
}

/**
 * Keeps public candidate pools for `ttlMs`, at most `maxEntries` (oldest out first). Only ids and
 * relevance are kept: who may see a row and its text are read live on every request, so a cached
 * pool can show a new match late but never an unpublished or deleted one.
 */
export function createSearchPoolCache({
  ttlMs,
  maxEntries,
}: {
  ttlMs: number;
  maxEntries: number;
}): SearchPoolCache {
  const entries = new Map<string, { pool: SearchPool; expires: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires > Date.now()) return entry.pool;
      entries.delete(key);
      return undefined;
    },
    set(key, pool) {
      entries.delete(key);
      entries.set(key, { pool, expires: Date.now() + ttlMs });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}

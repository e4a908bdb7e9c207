import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../lib/api-client.ts';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useSession } from '../../lib/session.tsx';
import type { Work, WorkList, WorkRole } from './work-types.ts';

/** Bounds on how much of the catalogue one visit reads to find the caller's works. */
const PAGE_SIZE = 50;
const MAX_OWNED_PAGES = 10;
const MAX_SCANNED_PAGES = 4;
const MAX_COAUTHORED = 50;

interface ProfileWork {
  id: number;
  role: WorkRole;
}

async function collect(
  api: ApiClient,
  path: (cursor: string | null) => string,
  maxPages: number,
  signal: AbortSignal,
): Promise<Work[]> {
  const works: Work[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const list: WorkList = await api.get<WorkList>(path(cursor), { signal });
    works.push(...list.items);
    cursor = list.nextCursor;
    if (!cursor) break;
  }
  return works;
}

/**
 * The works the signed-in user owns or co-writes, each with their role. The API has no
 * "my collaborations" list, so this combines: works by my handle (owned, drafts included); my
 * public profile's co-written published works; and drafts I can see but do not own among the
 * newest works (only collaborators see drafts). Co-written ones are fetched one by one for the role.
 */
async function findMyWorks(
  api: ApiClient,
  me: { id: number; handle: string },
  signal: AbortSignal,
): Promise<Work[]> {
  const handle = encodeURIComponent(me.handle);
  const [owned, profile, recent] = await Promise.all([
    collect(
      api,
      (cursor) => `/works?author=${handle}&limit=${PAGE_SIZE}${cursor ? `&cursor=${cursor}` : ''}`,
      MAX_OWNED_PAGES,
      signal,
    ),
    api
      .get<{ works: ProfileWork[] }>(`/users/${handle}`, { signal })
      .catch(() => ({ works: [] as ProfileWork[] })),
    collect(
      api,
      (cursor) => `/works?limit=${PAGE_SIZE}${cursor ? `&cursor=${cursor}` : ''}`,
      MAX_SCANNED_PAGES,
      signal,
    ),
  ]);
  const ownedIds = new Set(owned.map((work) => work.id));
  const coauthored = new Set<number>();
  for (const work of profile.works) {
    if (work.role !== 'owner' && !ownedIds.has(work.id)) coauthored.add(work.id);
  }
  for (const work of recent) {
    if (!work.published && work.owner.id !== me.id) coauthored.add(work.id);
  }
  const others = await Promise.all(
    [...coauthored]
      .slice(0, MAX_COAUTHORED)
      .map((id) => api.get<Work>(`/works/${id}`, { signal }).catch(() => null)),
  );
  const mine = [
    ...owned.map((work) => ({ ...work, role: 'owner' as const })),
    ...others.filter((work): work is Work => work !== null && work.role !== null),
  ];
  return mine.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export interface MyWorks {
  works: Work[] | undefined;
  error: ApiProblem | undefined;
  reload: () => void;
  add: (work: Work) => void;
}

/** The signed-in user's works (owned and co-written), newest change first. */
export function useMyWorks(): MyWorks {
  const { api, me } = useSession();
  const [works, setWorks] = useState<Work[] | undefined>(undefined);
  const [error, setError] = useState<ApiProblem | undefined>(undefined);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!me) return;
    const controller = new AbortController();
    findMyWorks(api, me, controller.signal)
      .then((found) => {
        setWorks(found);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(asProblem(caught));
      });
    return () => controller.abort();
  }, [api, me, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const add = useCallback((work: Work) => setWorks((current) => [work, ...(current ?? [])]), []);
  return { works, error, reload, add };
}

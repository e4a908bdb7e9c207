import { useCallback, useEffect, useState } from 'react';
import { asProblem, type ApiProblem } from './problem.ts';
import { useApi } from './session.tsx';

export interface ApiQuery<T> {
  data: T | undefined;
  error: ApiProblem | undefined;
  loading: boolean;
  /** Fetches again (after a change); keeps showing the old data meanwhile. */
  reload: () => Promise<void>;
  /** Replaces the data locally (optimistic updates). */
  setData: (update: T | ((current: T | undefined) => T)) => void;
}

/** GET `path` from the API when it changes; `null` skips the request. */
export function useApiQuery<T>(path: string | null): ApiQuery<T> {
  const api = useApi();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiProblem | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (path === null) return;
      setLoading(true);
      try {
        const result = await api.get<T>(path, signal ? { signal } : {});
        if (signal?.aborted) return;
        setData(result);
        setError(undefined);
      } catch (caught) {
        if (signal?.aborted) return;
        setError(asProblem(caught));
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [api, path],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return { data, error, loading, reload: () => load(), setData };
}

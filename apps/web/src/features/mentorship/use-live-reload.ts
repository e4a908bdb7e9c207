import { useEffect, useRef } from 'react';

/** Calls `reload` whenever `version` changes after the first render (a live event arrived). */
export function useLiveReload(version: number, reload: () => Promise<void> | void): void {
  const latest = useRef(reload);
  latest.current = reload;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void latest.current();
  }, [version]);
}

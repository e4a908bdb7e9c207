import { useCallback, useEffect, useRef, useState } from 'react';
import { useRealtimeEvent, useSocket } from '../../lib/realtime.tsx';
import { isFinished, newerState, uploadEventOf, type UploadEvent } from './data-types.ts';

export interface UploadEvents {
  /** The latest known state of each upload, by id. */
  states: ReadonlyMap<number, UploadEvent>;
  /** Records a state learnt another way (the API's answer). */
  record: (event: UploadEvent) => void;
  /** Resolves with the upload's final state, from live events (or `record`). */
  finished: (uploadId: number) => Promise<UploadEvent>;
}

/**
 * Live progress of CSV ingestion from the socket.io `notification` events the workers send
 * (`upload.progress`, `upload.done`). Events for an upload whose POST has not answered yet are
 * kept too, so a small file that is ingested before the answer arrives is not missed.
 * `onConnect` runs whenever the socket (re)connects, to catch up on anything sent while it was down.
 */
export function useUploadEvents(onConnect: () => void): UploadEvents {
  const [states, setStates] = useState<ReadonlyMap<number, UploadEvent>>(new Map());
  const latest = useRef(new Map<number, UploadEvent>());
  const waiters = useRef(new Map<number, ((event: UploadEvent) => void)[]>());

  const record = useCallback((event: UploadEvent) => {
    const next = newerState(latest.current.get(event.uploadId), event);
    latest.current.set(event.uploadId, next);
    setStates(new Map(latest.current));
    if (isFinished(next.status)) {
      for (const resolve of waiters.current.get(event.uploadId) ?? []) resolve(next);
      waiters.current.delete(event.uploadId);
    }
  }, []);

  const finished = useCallback((uploadId: number) => {
    const known = latest.current.get(uploadId);
    if (known && isFinished(known.status)) return Promise.resolve(known);
    return new Promise<UploadEvent>((resolve) => {
      waiters.current.set(uploadId, [...(waiters.current.get(uploadId) ?? []), resolve]);
    });
  }, []);

  useRealtimeEvent<unknown>('notification', (message) => {
    const event = uploadEventOf(message);
    if (event) record(event);
  });

  const socket = useSocket();
  const reconnect = useRef(onConnect);
  reconnect.current = onConnect;
  useEffect(() => {
    if (!socket) return;
    const listener = () => reconnect.current();
    socket.on('connect', listener);
    return () => {
      socket.off('connect', listener);
    };
  }, [socket]);

  return { states, record, finished };
}

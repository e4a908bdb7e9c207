import { useCallback, useEffect, useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import type { ApiClient } from '../../lib/api-client.ts';
import { useSession } from '../../lib/session.tsx';
import { STATUS_LABELS, labelOf, type Upload } from './data-types.ts';
import { UploadSummary } from './upload-run.tsx';

const SHOWN = 20;
const KEPT = 100;

function storageKey(userId: number): string {
  return `pluma.uploads.${userId}`;
}

function rememberedIds(userId: number): number[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}

/** Remembers an upload of this user in this browser (the API has no list of uploads). */
export function rememberUpload(userId: number, uploadId: number): void {
  const ids = [uploadId, ...rememberedIds(userId).filter((id) => id !== uploadId)].slice(0, KEPT);
  localStorage.setItem(storageKey(userId), JSON.stringify(ids));
}

/** Upload ids from this browser and from the stored `upload.done` notifications, newest first. */
async function findUploadIds(api: ApiClient, userId: number): Promise<number[]> {
  const ids = new Set(rememberedIds(userId));
  try {
    const inbox = await api.get<{
      notifications: { type: string; payload: { uploadId?: unknown } }[];
    }>('/me/notifications?limit=100');
    for (const note of inbox.notifications) {
      if (note.type === 'upload.done' && typeof note.payload.uploadId === 'number')
        ids.add(note.payload.uploadId);
    }
  } catch {
    // The inbox only adds uploads made in other browsers; this browser's list still shows.
  }
  return [...ids].sort((a, b) => b - a).slice(0, SHOWN);
}

export interface UploadHistory {
  uploads: Upload[] | undefined;
  /** Adds or refreshes one upload (after it finished here). */
  put: (upload: Upload) => void;
}

/** The user's recent uploads with their state. */
export function useUploadHistory(): UploadHistory {
  const { api, me } = useSession();
  const [uploads, setUploads] = useState<Upload[] | undefined>(undefined);
  const userId = me?.id;

  useEffect(() => {
    if (userId === undefined) return;
    let cancelled = false;
    void (async () => {
      const ids = await findUploadIds(api, userId);
      const found = await Promise.all(
        ids.map((id) => api.get<Upload>(`/uploads/${id}`).catch(() => null)),
      );
      if (!cancelled) setUploads(found.filter((upload): upload is Upload => upload !== null));
    })();
    return () => {
      cancelled = true;
    };
  }, [api, userId]);

  const put = useCallback(
    (upload: Upload) => {
      if (userId !== undefined) rememberUpload(userId, upload.id);
      setUploads((current) =>
        [upload, ...(current ?? []).filter((item) => item.id !== upload.id)].sort(
          (a, b) => b.id - a.id,
        ),
      );
    },
    [userId],
  );
  return { uploads, put };
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Past uploads: data set, state, counts and their rejected rows. */
export function UploadHistoryList({ uploads }: { uploads: Upload[] | undefined }) {
  return (
    <section aria-labelledby="history-heading" className="card">
      <h2 id="history-heading">Past uploads</h2>
      {uploads === undefined ? (
        <Loading label="Loading past uploads…" />
      ) : uploads.length === 0 ? (
        <EmptyState title="No uploads yet">
          <p>Choose the CSV files above and upload them; each one is listed here.</p>
        </EmptyState>
      ) : (
        <ul className="upload-history">
          {uploads.map((upload) => (
            <li key={upload.id} className="upload-history-item">
              <p className="upload-run-title">
                <strong>{labelOf(upload.dataset)}</strong>{' '}
                <span className={`badge badge-${upload.status}`}>
                  {STATUS_LABELS[upload.status]}
                </span>{' '}
                <span className="field-hint">
                  {dateFormat.format(new Date(upload.finishedAt ?? upload.createdAt))}
                </span>
              </p>
              {upload.status === 'succeeded' || upload.status === 'failed' ? (
                <UploadSummary uploadId={upload.id} counts={upload} />
              ) : (
                <p className="field-hint">{upload.progress}% read</p>
              )}
              {upload.failureReason ? <p className="field-error">{upload.failureReason}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiProblem, asProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import type { Work } from './work-types.ts';

const ACCEPTED = 'image/png,image/jpeg,image/webp';
const MAX_BYTES = 5 * 1024 * 1024;

/** The cover image: pick, preview, upload; the API's 413/415 is shown next to the picker. */
export function WorkCover({ work, onChange }: { work: Work; onChange: (work: Work) => void }) {
  const api = useApi();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    if (file.size > MAX_BYTES) {
      // The API would refuse it with 413 too, but only after the bytes travelled.
      setProblem(
        new ApiProblem({
          status: 413,
          code: 'client.too_large',
          title: `The cover image is larger than ${MAX_BYTES / 1024 / 1024} MB; choose a smaller one.`,
        }),
      );
      return;
    }
    setBusy(true);
    setProblem(undefined);
    setSaved(false);
    try {
      const updated = await api.request<Work>('PUT', `/works/${work.id}/cover`, {
        body: file,
        contentType: file.type || 'application/octet-stream',
      });
      onChange(updated);
      setFile(null);
      setSaved(true);
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setBusy(false);
    }
  };

  const shown = preview ?? work.coverUrl;
  const errorId = `${inputId}-error`;
  return (
    <section aria-labelledby="work-cover" className="card">
      <h2 id="work-cover">Cover</h2>
      {shown ? (
        <img
          className="cover-preview"
          src={shown}
          alt={preview ? 'Preview of the chosen cover' : `Cover of ${work.title}`}
        />
      ) : (
        <p className="field-hint">No cover yet.</p>
      )}
      <form onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={inputId}>Cover image</label>
          <input
            id={inputId}
            type="file"
            accept={ACCEPTED}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${inputId}-hint${problem ? ` ${errorId}` : ''}`}
            onChange={(event) => {
              const picked = event.target.files?.[0] ?? null;
              setFile(picked);
              setSaved(false);
              setProblem(undefined);
            }}
          />
          <p className="field-hint" id={`${inputId}-hint`}>
            PNG, JPEG or WebP, at most {MAX_BYTES / 1024 / 1024} MB.
          </p>
          {problem ? (
            <p className="field-error" id={errorId} role="alert">
              {problem.summary}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" disabled={!file || busy}>
            {busy ? 'Uploading…' : 'Upload cover'}
          </button>
          <span role="status" className="status-text">
            {saved ? 'Cover saved' : ''}
          </span>
        </div>
      </form>
    </section>
  );
}

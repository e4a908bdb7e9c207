import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { ApiProblem, asProblem } from '../../lib/problem.ts';
import { useSession, type Me } from '../../lib/session.tsx';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;

/** Picture upload with a preview; the API's 413/415 answers show next to the picker. */
export function AvatarSection({ me }: { me: Me }) {
  const { api, reloadMe } = useSession();
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!file) return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const choose = (chosen: File | undefined) => {
    setSaved(false);
    setProblem(undefined);
    setFile(chosen);
    if (!chosen) setPreview(undefined);
    // Said at once rather than after sending megabytes the API would refuse (it checks too).
    else if (chosen.size > MAX_BYTES)
      setProblem(
        new ApiProblem({
          status: 413,
          code: 'request.too_large',
          title: 'The avatar is larger than 5 MB.',
        }),
      );
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await api.request('PUT', '/me/avatar', {
        body: file,
        contentType: ACCEPTED.includes(file.type) ? file.type : 'application/octet-stream',
      });
      await reloadMe();
      setFile(undefined);
      setPreview(undefined);
      setSaved(true);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const shown = preview ?? me.avatarUrl;
  const errorId = `${inputId}-error`;

  return (
    <section className="card settings-section" aria-labelledby="avatar-title">
      <h2 id="avatar-title">Picture</h2>
      <form className="avatar-form" onSubmit={(event) => void upload(event)}>
        {shown ? (
          <img
            className="avatar-preview"
            src={shown}
            alt={preview ? 'Preview of your new picture' : 'Your picture'}
          />
        ) : (
          <div className="avatar-preview avatar-blank" aria-hidden="true">
            {me.displayName.slice(0, 1)}
          </div>
        )}
        <div>
          <div className="field">
            <label htmlFor={inputId}>Choose a picture</label>
            <input
              id={inputId}
              type="file"
              accept={ACCEPTED.join(',')}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : `${inputId}-hint`}
              onChange={(event) => choose(event.target.files?.[0])}
            />
            <p className="field-hint" id={`${inputId}-hint`}>
              PNG, JPEG or WebP, at most 5 MB.
            </p>
            {problem ? (
              <div id={errorId}>
                <ProblemMessage problem={problem} />
              </div>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" disabled={!file || busy || problem?.status === 413}>
              {busy ? 'Uploading…' : 'Upload picture'}
            </button>
            {saved ? (
              <span className="saved" role="status">
                Picture updated
              </span>
            ) : null}
          </div>
        </div>
      </form>
    </section>
  );
}

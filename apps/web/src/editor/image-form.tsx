import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useSession } from '../lib/session.tsx';
import { useImageUpload } from './use-image-upload.ts';

/** The types the API accepts (it judges by content; this only narrows the file picker). */
const ACCEPT = 'image/png,image/jpeg,image/webp';

/**
 * The Image button's form: upload a picture to the work (it gets a stable URL on Pluma) or give
 * a web address, and describe it for people who cannot see it.
 */
export function ImageForm({
  workId,
  onInsert,
  onCancel,
}: {
  workId: number;
  onInsert: (src: string, alt: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const { api } = useSession();
  const { upload, start, reset } = useImageUpload(api, workId);
  const [src, setSrc] = useState('');
  const [alt, setAlt] = useState('');
  const [error, setError] = useState<string | undefined>();
  const describe = useRef<HTMLInputElement>(null);
  const uploaded = upload.state === 'done' ? upload.image : undefined;

  // Once the picture is up, the description is what is left to do.
  useEffect(() => {
    if (upload.state === 'done') describe.current?.focus();
  }, [upload.state]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (upload.state === 'uploading') return;
    if (uploaded) {
      onInsert(uploaded.url, alt.trim());
      return;
    }
    if (!/^https?:\/\//i.test(src.trim())) {
      setError('Give the image’s web address, starting with https:// or http://, or upload one');
      return;
    }
    onInsert(src.trim(), alt.trim());
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
  };

  const uploadMessageId = `${id}-upload-message`;
  return (
    <form className="toolbar-form image-form" onSubmit={submit} aria-label="Image" noValidate>
      <div className="image-form-upload">
        <label htmlFor={`${id}-file`}>Upload an image</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={ACCEPT}
          aria-describedby={`${id}-file-hint ${uploadMessageId}`}
          aria-invalid={upload.state === 'failed' ? true : undefined}
          onKeyDown={escape}
          onChange={(event) => {
            const file = event.target.files?.[0];
            setError(undefined);
            if (file) void start(file);
            else reset();
          }}
        />
        <span className="image-form-hint" id={`${id}-file-hint`}>
          PNG, JPEG or WebP, at most 5 MB
        </span>
        <div id={uploadMessageId}>
          {upload.state === 'uploading' ? (
            <p className="image-form-status" role="status">
              Uploading {upload.name}…
            </p>
          ) : upload.state === 'done' ? (
            <p className="image-form-status" role="status">
              {upload.name} is uploaded. Describe it, then insert it.
            </p>
          ) : upload.state === 'failed' ? (
            <p className="field-error" role="alert">
              {upload.problem.summary}
            </p>
          ) : null}
        </div>
      </div>
      {uploaded ? null : (
        <div className="image-form-address">
          <label htmlFor={`${id}-src`}>Image address</label>
          <input
            id={`${id}-src`}
            type="url"
            value={src}
            placeholder="https://"
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setSrc(event.target.value)}
            onKeyDown={escape}
          />
        </div>
      )}
      <div className="image-form-alt">
        <label htmlFor={`${id}-alt`}>Description (for people who cannot see it)</label>
        <input
          id={`${id}-alt`}
          ref={describe}
          value={alt}
          onChange={(event) => setAlt(event.target.value)}
          onKeyDown={escape}
        />
      </div>
      <div className="image-form-actions">
        <button type="submit" disabled={upload.state === 'uploading'}>
          Insert image
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

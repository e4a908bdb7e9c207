import { useState } from 'react';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import { labelOf, type DatasetName, type Upload, type UploadEvent } from './data-types.ts';
import { downloadRejections } from './download-rejections.ts';

export interface Run {
  dataset: DatasetName;
  fileName: string;
  phase: 'waiting' | 'sending' | 'ingesting' | 'done' | 'failed' | 'skipped';
  uploadId?: number;
  upload?: Upload;
  problem?: ApiProblem;
}

const PHASE_TEXT: Record<Run['phase'], string> = {
  waiting: 'Waiting for the files before it',
  sending: 'Sending the file…',
  ingesting: 'Reading rows…',
  done: 'Done',
  failed: 'Failed',
  skipped: 'Not sent: an earlier file failed',
};

/** One file of an upload: its live progress bar, then what was accepted and rejected. */
export function UploadRun({ run, state }: { run: Run; state: UploadEvent | undefined }) {
  const counts = run.upload ?? state;
  const progress = run.upload?.progress ?? state?.progress ?? 0;
  const finished = run.phase === 'done' || run.phase === 'failed';
  const reason = run.upload?.failureReason ?? state?.reason ?? run.problem?.summary;
  return (
    <li className="upload-run">
      <p className="upload-run-title">
        <strong>{labelOf(run.dataset)}</strong> <span className="file-name">{run.fileName}</span>{' '}
        <span className={`badge badge-${run.phase}`}>{PHASE_TEXT[run.phase]}</span>
      </p>
      {run.phase === 'sending' || run.phase === 'ingesting' || run.uploadId !== undefined ? (
        <div className="progress-line">
          <progress
            max={100}
            {...(run.phase === 'sending' ? {} : { value: progress })}
            aria-label={`Progress of ${run.fileName}`}
          />
          <span aria-hidden="true">{run.phase === 'sending' ? '' : `${progress}%`}</span>
        </div>
      ) : null}
      {finished && counts ? <UploadSummary uploadId={run.uploadId} counts={counts} /> : null}
      {run.phase === 'failed' && reason ? (
        <p className="field-error" role="alert">
          {reason}
        </p>
      ) : null}
    </li>
  );
}

/** Rows read, accepted and rejected, and the rejected rows as a CSV file. */
export function UploadSummary({
  uploadId,
  counts,
}: {
  uploadId: number | undefined;
  counts: { rowsRead: number; rowsInserted: number; rowsRejected: number };
}) {
  const api = useApi();
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (uploadId === undefined) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await downloadRejections(api, uploadId);
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="upload-summary">
      <dl>
        <div>
          <dt>Rows read</dt>
          <dd>{counts.rowsRead.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Accepted</dt>
          <dd>{counts.rowsInserted.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Rejected</dt>
          <dd>{counts.rowsRejected.toLocaleString()}</dd>
        </div>
      </dl>
      {counts.rowsRejected > 0 && uploadId !== undefined ? (
        <p>
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => void download()}
          >
            {busy ? 'Preparing the file…' : 'Download rejected rows (CSV)'}
          </button>
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem.summary}
        </p>
      ) : null}
    </div>
  );
}

import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import {
  DATASETS,
  stateOf,
  type DatasetName,
  type Upload,
  type UploadAccepted,
} from './data-types.ts';
import { UploadRun, type Run } from './upload-run.tsx';
import type { UploadEvents } from './use-upload-events.ts';

type Files = Partial<Record<DatasetName, File>>;

/**
 * Picks the three CSV files and uploads them one after the other: departments and jobs first,
 * because hired employees refer to them and a reference is checked when the row is read.
 */
export function DatasetUploadForm({
  events,
  onFinished,
}: {
  events: UploadEvents;
  onFinished: (upload: Upload) => void;
}) {
  const api = useApi();
  const [files, setFiles] = useState<Files>({});
  const [runs, setRuns] = useState<Run[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const chosen = DATASETS.filter((dataset) => files[dataset.name]);

  const update = (dataset: DatasetName, change: Partial<Run>) =>
    setRuns((current) =>
      current.map((run) => (run.dataset === dataset ? { ...run, ...change } : run)),
    );

  const uploadOne = async (dataset: DatasetName, file: File): Promise<boolean> => {
    update(dataset, { phase: 'sending' });
    let accepted: UploadAccepted;
    try {
      accepted = await api.request<UploadAccepted>('POST', `/datasets/${dataset}/uploads`, {
        body: file,
        contentType: 'text/csv',
      });
    } catch (caught) {
      update(dataset, { phase: 'failed', problem: asProblem(caught) });
      return false;
    }
    update(dataset, { phase: 'ingesting', uploadId: accepted.uploadId });
    // A small file can be ingested before this answer arrived, its events sent before this tab
    // listened: read the state once, then follow the live events (newer states win).
    await api
      .get<Upload>(`/uploads/${accepted.uploadId}`)
      .then((upload) => events.record(stateOf(upload)))
      .catch(() => events.record({ ...stateOf(null), uploadId: accepted.uploadId }));
    const end = await events.finished(accepted.uploadId);
    let upload: Upload | undefined;
    try {
      upload = await api.get<Upload>(`/uploads/${accepted.uploadId}`);
      onFinished(upload);
    } catch {
      // The live event already carries the counts; the stored summary is a refinement.
    }
    const succeeded = (upload?.status ?? end.status) === 'succeeded';
    update(dataset, { phase: succeeded ? 'done' : 'failed', ...(upload ? { upload } : {}) });
    return succeeded;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setProblem(
        asProblem(new Error('Choose at least one CSV file: departments, jobs or hired employees.')),
      );
      return;
    }
    setProblem(undefined);
    setBusy(true);
    setRuns(
      chosen.map((dataset) => ({
        dataset: dataset.name,
        fileName: files[dataset.name]!.name,
        phase: 'waiting',
      })),
    );
    for (const dataset of chosen) {
      const ok = await uploadOne(dataset.name, files[dataset.name]!);
      if (!ok) {
        setRuns((current) =>
          current.map((run) => (run.phase === 'waiting' ? { ...run, phase: 'skipped' } : run)),
        );
        break;
      }
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="upload-heading" className="card">
      <h2 id="upload-heading">Upload a data set</h2>
      <p className="field-hint">
        Headerless CSV files in UTF-8, one per data set. Choose any of the three; they are sent in
        this order, because hired employees refer to departments and jobs.
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ProblemMessage problem={problem} />
        <div className="dataset-files">
          {DATASETS.map((dataset) => (
            <FilePicker
              key={dataset.name}
              label={`${dataset.label} (${dataset.file})`}
              hint={`Columns: ${dataset.columns}`}
              disabled={busy}
              problem={runs.find((run) => run.dataset === dataset.name)?.problem}
              onPick={(file) =>
                setFiles((current) => {
                  const next = { ...current };
                  if (file) next[dataset.name] = file;
                  else delete next[dataset.name];
                  return next;
                })
              }
            />
          ))}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Uploading…' : chosen.length > 1 ? `Upload ${chosen.length} files` : 'Upload'}
        </button>
      </form>
      {runs.length > 0 ? (
        <ol className="upload-runs" aria-label="This upload">
          {runs.map((run) => (
            <UploadRun
              key={run.dataset}
              run={run}
              state={run.uploadId === undefined ? undefined : events.states.get(run.uploadId)}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function FilePicker({
  label,
  hint,
  disabled,
  problem,
  onPick,
}: {
  label: string;
  hint: string;
  disabled: boolean;
  problem: ApiProblem | undefined;
  onPick: (file: File | null) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        onChange={(event) => onPick(event.target.files?.[0] ?? null)}
      />
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {problem ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {problem.summary}
        </p>
      ) : null}
    </div>
  );
}

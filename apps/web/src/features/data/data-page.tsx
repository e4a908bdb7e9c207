import { useCallback, useRef } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../lib/session.tsx';
import { isFinished, stateOf, type Upload } from './data-types.ts';
import { DatasetUploadForm } from './dataset-upload-form.tsx';
import { UploadHistoryList, useUploadHistory } from './upload-history.tsx';
import { useUploadEvents } from './use-upload-events.ts';
import './data.css';

/** Data: upload the employment CSV files, follow their ingestion live, and see past uploads. */
export function DataPage() {
  const api = useApi();
  const history = useUploadHistory();
  const catchUp = useRef<() => void>(() => {});
  const events = useUploadEvents(useCallback(() => catchUp.current(), []));

  // After a (re)connection, ask the API about uploads still running: their events may be lost.
  catchUp.current = () => {
    for (const [uploadId, state] of events.states) {
      if (isFinished(state.status)) continue;
      void api
        .get<Upload>(`/uploads/${uploadId}`)
        .then((upload) => events.record(stateOf(upload)))
        .catch(() => {});
    }
  };

  return (
    <div className="data">
      <h1>Data</h1>
      <p>
        Upload the employment data sets, then see them in the{' '}
        <Link to="/data/reports">reports</Link>.
      </p>
      <DatasetUploadForm events={events} onFinished={history.put} />
      <UploadHistoryList uploads={history.uploads} />
    </div>
  );
}

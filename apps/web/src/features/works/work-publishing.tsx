import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import type { Work } from './work-types.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Publish or unpublish (owner only), the published state, and the reader's link. */
export function WorkPublishing({ work, onChange }: { work: Work; onChange: (work: Work) => void }) {
  const api = useApi();
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const run = async (action: 'publish' | 'unpublish') => {
    setBusy(true);
    setProblem(undefined);
    try {
      onChange(await api.post<Work>(`/works/${work.id}/${action}`));
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="work-publishing" className="card">
      <h2 id="work-publishing">Publishing</h2>
      <ProblemMessage problem={problem} />
      {work.published && work.publishedAt ? (
        <>
          <p role="status">
            Published on {dateFormat.format(new Date(work.publishedAt))}. Publishing again shows
            readers the pages as they are now.
          </p>
          <p>
            <Link to={`/works/${work.id}`}>Read it as readers see it</Link>
          </p>
        </>
      ) : (
        <p role="status">A draft: only you and your collaborators can see it.</p>
      )}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void run('publish')}>
          {busy ? 'Working…' : work.published ? 'Publish again' : 'Publish'}
        </button>
        {work.published ? (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void run('unpublish')}
          >
            Unpublish
          </button>
        ) : null}
      </div>
    </section>
  );
}

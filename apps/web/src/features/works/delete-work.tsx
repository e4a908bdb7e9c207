import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import type { Work } from './work-types.ts';

/** Deleting a work with all its pages (owner), after saying what goes with it. */
export function DeleteWork({ work }: { work: Work }) {
  const api = useApi();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);

  const remove = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await api.delete(`/works/${work.id}`);
      void navigate('/my/works');
    } catch (caught) {
      setProblem(asProblem(caught));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="delete-work" className="card">
      <h2 id="delete-work">Delete this work</h2>
      <ProblemMessage problem={problem} />
      {confirming ? (
        <>
          <p>
            “{work.title}”, all its pages and their history go for good
            {work.published ? ', and readers lose it at once' : ''}.
          </p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
              {busy ? 'Deleting…' : `Yes, delete “${work.title}”`}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          Delete work…
        </button>
      )}
    </section>
  );
}

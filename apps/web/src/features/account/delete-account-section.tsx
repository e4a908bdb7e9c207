import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormField } from '../../components/form-field.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useSession, type Me } from '../../lib/session.tsx';

/** Deleting the account: explained first, confirmed by typing the handle. */
export function DeleteAccountSection({ me }: { me: Me }) {
  const { api, signOut } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim().toLowerCase() !== me.handle) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await api.delete('/me');
      await signOut();
      void navigate('/', { replace: true });
    } catch (error) {
      setProblem(asProblem(error));
      setBusy(false);
    }
  };

  return (
    <section className="card settings-section danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <p>
        Your e-mail address, name, picture and preferences are erased and you are signed out
        everywhere. Works you wrote alone are deleted. Works you wrote with others stay for them:
        each passes to a co-author, and what you wrote there remains, credited to a deleted account.
        This cannot be undone.
      </p>
      {open ? (
        <form onSubmit={(event) => void confirm(event)} className="form-narrow">
          <ProblemMessage problem={problem} />
          <FormField
            label={`Type your handle (${me.handle}) to confirm`}
            value={typed}
            autoComplete="off"
            onChange={(event) => setTyped(event.target.value)}
          />
          <div className="form-actions">
            <button
              type="submit"
              className="danger"
              disabled={busy || typed.trim().toLowerCase() !== me.handle}
            >
              {busy ? 'Deleting…' : 'Delete my account for good'}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Keep my account
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="danger" onClick={() => setOpen(true)}>
          Delete my account…
        </button>
      )}
    </section>
  );
}

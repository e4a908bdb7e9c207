import { useState } from 'react';
import type { FormEvent } from 'react';
import { FormField } from '../../components/form-field.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useSession, type Me } from '../../lib/session.tsx';
import { fieldMessage } from '../auth/field-message.ts';
import { FormProblem } from '../auth/form-problem.tsx';

/** Display name and handle. */
export function ProfileSection({ me }: { me: Me }) {
  const { api, reloadMe } = useSession();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [handle, setHandle] = useState(me.handle);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = {
      ...(displayName !== me.displayName ? { displayName } : {}),
      ...(handle !== me.handle ? { handle } : {}),
    };
    if (Object.keys(changes).length === 0) {
      setSaved(true);
      return;
    }
    setBusy(true);
    setProblem(undefined);
    setSaved(false);
    try {
      await api.patch('/me', changes);
      await reloadMe();
      setSaved(true);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <form onSubmit={(event) => void submit(event)} noValidate className="form-narrow">
        <FormProblem problem={problem} shownFields={['displayName', 'handle']} />
        <FormField
          label="Display name"
          value={displayName}
          autoComplete="name"
          onChange={(event) => {
            setDisplayName(event.target.value);
            setSaved(false);
          }}
          error={fieldMessage(problem, 'displayName', 'Display name')}
        />
        <FormField
          label="Handle"
          value={handle}
          autoComplete="username"
          onChange={(event) => {
            setHandle(event.target.value);
            setSaved(false);
          }}
          error={fieldMessage(problem, 'handle', 'Handle')}
          hint={`Your profile lives at /users/${handle || me.handle}. Old links stop working if you change it.`}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save profile'}
          </button>
          {saved ? (
            <span className="saved" role="status">
              Saved
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}

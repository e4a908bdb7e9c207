import { useState } from 'react';
import type { FormEvent } from 'react';
import { FormField } from '../../components/form-field.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import { SelectField } from './fields.tsx';
import { ROLE_LABELS, type Collaborator, type Work } from './work-types.ts';

type AssignableRole = 'editor' | 'viewer';

/** Who writes a work with whom; the owner invites by handle, changes roles and removes people. */
export function WorkCollaborators({ work, canManage }: { work: Work; canManage: boolean }) {
  const api = useApi();
  const list = useApiQuery<{ items: Collaborator[] }>(`/works/${work.id}/collaborators`);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const items = list.data?.items ?? [];

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
    } catch (caught) {
      setProblem(asProblem(caught));
      await list.reload();
    } finally {
      setBusy(false);
    }
  };

  const changeRole = (person: Collaborator, role: AssignableRole) =>
    act(async () => {
      const changed = await api.patch<Collaborator>(
        `/works/${work.id}/collaborators/${person.user.id}`,
        { role },
      );
      list.setData({
        items: items.map((item) => (item.user.id === person.user.id ? changed : item)),
      });
    });

  const remove = (person: Collaborator) =>
    act(async () => {
      await api.delete(`/works/${work.id}/collaborators/${person.user.id}`);
      setConfirming(null);
      list.setData({ items: items.filter((item) => item.user.id !== person.user.id) });
    });

  return (
    <section aria-labelledby="work-collaborators" className="card">
      <h2 id="work-collaborators">Collaborators</h2>
      <ProblemMessage problem={problem ?? list.error} />
      {list.data === undefined && !list.error ? (
        <Loading label="Loading collaborators…" />
      ) : (
        <ul className="collaborator-list">
          {items.map((person) => (
            <li key={person.user.id} className="collaborator-row">
              <span>
                <strong>{person.user.displayName}</strong>{' '}
                <span className="handle">@{person.user.handle}</span>
              </span>
              {canManage && person.role !== 'owner' ? (
                <span className="collaborator-actions">
                  <label className="visually-hidden" htmlFor={`role-${person.user.id}`}>
                    Role of {person.user.displayName}
                  </label>
                  <select
                    id={`role-${person.user.id}`}
                    value={person.role}
                    disabled={busy}
                    onChange={(event) =>
                      void changeRole(person, event.target.value as AssignableRole)
                    }
                  >
                    <option value="editor">Editor</option>
                    <option value="viewer">Viewer</option>
                  </select>
                  {confirming === person.user.id ? (
                    <>
                      <button
                        type="button"
                        className="danger"
                        disabled={busy}
                        onClick={() => void remove(person)}
                      >
                        Yes, remove {person.user.displayName}
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setConfirming(null)}
                      >
                        Keep
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`Remove ${person.user.displayName}`}
                      onClick={() => setConfirming(person.user.id)}
                    >
                      Remove
                    </button>
                  )}
                </span>
              ) : (
                <span className="badge">{ROLE_LABELS[person.role]}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <InviteForm
          workId={work.id}
          onInvited={(person) => list.setData({ items: [...items, person] })}
        />
      ) : null}
    </section>
  );
}

function InviteForm({
  workId,
  onInvited,
}: {
  workId: number;
  onInvited: (person: Collaborator) => void;
}) {
  const api = useApi();
  const [handle, setHandle] = useState('');
  const [role, setRole] = useState<AssignableRole>('editor');
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [invited, setInvited] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setInvited('');
    try {
      const person = await api.post<Collaborator>(`/works/${workId}/collaborators`, {
        handle: handle.trim().replace(/^@/, ''),
        role,
      });
      onInvited(person);
      setInvited(`${person.user.displayName} is now ${ROLE_LABELS[person.role].toLowerCase()}.`);
      setHandle('');
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setBusy(false);
    }
  };

  // An unknown handle (404) or someone already on the work (409) is about the handle itself.
  const handleError =
    problem?.field('handle') ??
    (problem && (problem.status === 404 || problem.status === 409) ? problem.summary : undefined);
  const aboutHandle = handleError !== undefined && problem?.field('handle') === undefined;

  return (
    <form className="invite-form" onSubmit={(event) => void submit(event)} noValidate>
      <h3>Invite someone</h3>
      {aboutHandle ? null : <ProblemMessage problem={problem} shownFields={['handle', 'role']} />}
      <FormField
        label="Handle"
        name="handle"
        required
        autoComplete="off"
        value={handle}
        onChange={(event) => setHandle(event.target.value)}
        error={handleError}
        hint="Their @handle, as on their profile."
      />
      <SelectField
        label="Role"
        name="role"
        value={role}
        onChange={(event) => setRole(event.target.value as AssignableRole)}
        error={problem?.field('role')}
      >
        <option value="editor">Editor — writes and edits pages</option>
        <option value="viewer">Viewer — reads drafts</option>
      </SelectField>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Inviting…' : 'Invite'}
        </button>
        <span role="status" className="status-text">
          {invited}
        </span>
      </div>
    </form>
  );
}

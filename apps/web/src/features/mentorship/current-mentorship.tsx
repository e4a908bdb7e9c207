import { useState } from 'react';
import type { FormEvent } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormField } from '../../components/form-field.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import {
  dateFormat,
  otherParty,
  type Mentorship,
  type Page,
  type Task,
} from './mentorship-types.ts';
import { TaskComments } from './task-comments.tsx';
import { useLiveReload } from './use-live-reload.ts';

/** The accepted relation: who, until when, its tasks with comments; complete or cancel it. */
export function CurrentMentorship({
  version,
  onChanged,
}: {
  version: number;
  onChanged: () => void;
}) {
  const api = useApi();
  const current = useApiQuery<{ mentorship: Mentorship | null }>('/mentorships/current');
  useLiveReload(version, current.reload);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [confirming, setConfirming] = useState<'complete' | 'cancel' | null>(null);
  const mentorship = current.data?.mentorship;

  const end = async (action: 'complete' | 'cancel') => {
    if (!mentorship) return;
    setProblem(undefined);
    try {
      await api.post(`/mentorships/${mentorship.id}/${action}`);
      setConfirming(null);
      await current.reload();
      onChanged();
    } catch (caught) {
      setProblem(asProblem(caught));
    }
  };

  if (current.data === undefined) {
    return (
      <section aria-labelledby="current-heading" className="card">
        <h2 id="current-heading">Current mentorship</h2>
        {current.error ? <ProblemMessage problem={current.error} /> : <Loading />}
      </section>
    );
  }
  if (!mentorship) {
    return (
      <section aria-labelledby="current-heading" className="card">
        <h2 id="current-heading">Current mentorship</h2>
        <EmptyState title="No mentorship yet">
          <p>Find a mentor and send a request, or accept a request you received.</p>
        </EmptyState>
      </section>
    );
  }
  const other = otherParty(mentorship);
  return (
    <section aria-labelledby="current-heading" className="card current">
      <h2 id="current-heading">
        {mentorship.role === 'mentee' ? 'Mentored by' : 'Mentoring'} {other.displayName}
      </h2>
      <p className="field-hint">
        @{other.handle} · you are the {mentorship.role} · until{' '}
        {dateFormat.format(new Date(mentorship.endDate))}
      </p>
      {mentorship.notes ? <blockquote>{mentorship.notes}</blockquote> : null}
      <ProblemMessage problem={problem} />
      <Tasks mentorship={mentorship} version={version} />
      <div className="actions end-actions">
        {confirming ? (
          <>
            <span>
              {confirming === 'complete'
                ? 'Mark this mentorship as completed?'
                : 'Cancel this mentorship? Its tasks stay on record.'}
            </span>
            <button
              type="button"
              className={confirming === 'cancel' ? 'danger' : undefined}
              onClick={() => void end(confirming)}
            >
              Yes, {confirming === 'complete' ? 'complete it' : 'cancel it'}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              No
            </button>
          </>
        ) : (
          <>
            <button type="button" className="secondary" onClick={() => setConfirming('complete')}>
              Complete mentorship
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming('cancel')}>
              Cancel mentorship
            </button>
          </>
        )}
      </div>
    </section>
  );
}

function Tasks({ mentorship, version }: { mentorship: Mentorship; version: number }) {
  const api = useApi();
  const tasks = useApiQuery<Page<Task>>(`/mentorships/${mentorship.id}/tasks?limit=50`);
  useLiveReload(version, tasks.reload);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const items = tasks.data?.items ?? [];

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const task = await api.post<Task>(`/mentorships/${mentorship.id}/tasks`, { description });
      tasks.setData({ items: [...items, task], nextCursor: tasks.data?.nextCursor ?? null });
      setDescription('');
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (task: Task, completed: boolean) => {
    setProblem(undefined);
    const nextCursor = tasks.data?.nextCursor ?? null;
    const replace = (changed: Task) => (current: Page<Task> | undefined) => ({
      items: (current?.items ?? []).map((item) => (item.id === changed.id ? changed : item)),
      nextCursor,
    });
    // The box follows the click at once; the API's answer (or a refusal) settles it.
    tasks.setData(replace({ ...task, completed }));
    try {
      tasks.setData(
        replace(
          await api.patch<Task>(`/mentorships/${mentorship.id}/tasks/${task.id}`, { completed }),
        ),
      );
    } catch (caught) {
      tasks.setData(replace(task));
      setProblem(asProblem(caught));
    }
  };

  return (
    <div className="tasks">
      <h3>Tasks</h3>
      <ProblemMessage problem={problem ?? tasks.error} shownFields={['description']} />
      {tasks.data === undefined && !tasks.error ? (
        <Loading label="Loading tasks…" />
      ) : items.length === 0 ? (
        <EmptyState title="No tasks yet">
          <p>
            {mentorship.role === 'mentor'
              ? 'Give your mentee a first task below.'
              : 'Your mentor will set tasks; you can add one yourself below.'}
          </p>
        </EmptyState>
      ) : (
        <ul className="task-list" aria-label="Tasks">
          {items.map((task) => (
            <li key={task.id} className="task">
              <div className="check">
                <input
                  id={`task-${task.id}`}
                  type="checkbox"
                  checked={task.completed}
                  onChange={(event) => void toggle(task, event.target.checked)}
                />
                <label htmlFor={`task-${task.id}`}>
                  <span className={task.completed ? 'task-done' : undefined}>
                    {task.description}
                  </span>
                </label>
              </div>
              <p className="field-hint">
                Set by {task.createdBy.displayName}
                {task.completed && task.completedAt
                  ? ` · done ${dateFormat.format(new Date(task.completedAt))}`
                  : ''}
              </p>
              <TaskComments mentorshipId={mentorship.id} task={task} version={version} />
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={(event) => void add(event)} noValidate>
        <FormField
          label="New task"
          name="description"
          maxLength={500}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={problem?.field('description')}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add task'}
        </button>
      </form>
    </div>
  );
}

import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import { TextAreaField } from '../works/fields.tsx';
import type { Page, Task, TaskComment } from './mentorship-types.ts';
import { useLiveReload } from './use-live-reload.ts';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The comments on one task, oldest first, and a box to add one. */
export function TaskComments({
  mentorshipId,
  task,
  version,
}: {
  mentorshipId: number;
  task: Task;
  version: number;
}) {
  const api = useApi();
  const path = `/mentorships/${mentorshipId}/tasks/${task.id}/comments`;
  const comments = useApiQuery<Page<TaskComment>>(`${path}?limit=50`);
  useLiveReload(version, comments.reload);
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const items = comments.data?.items ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const comment = await api.post<TaskComment>(path, { body });
      comments.setData({
        items: [...items, comment],
        nextCursor: comments.data?.nextCursor ?? null,
      });
      setBody('');
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="comments" aria-labelledby={headingId} role="group">
      <h4 id={headingId} className="visually-hidden">
        Comments on “{task.description}”
      </h4>
      {items.length > 0 ? (
        <ul className="comment-list" aria-label={`Comments on “${task.description}”`}>
          {items.map((comment) => (
            <li key={comment.id}>
              <p className="comment-meta">
                <strong>{comment.author.displayName}</strong> ·{' '}
                {timeFormat.format(new Date(comment.createdAt))}
              </p>
              <p className="comment-body">{comment.body}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ProblemMessage problem={problem ?? comments.error} shownFields={['body']} />
        <TextAreaField
          label={`Comment on “${task.description}”`}
          name="body"
          rows={2}
          maxLength={2000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          error={problem?.field('body')}
        />
        <button type="submit" className="secondary" disabled={busy || body.trim() === ''}>
          {busy ? 'Posting…' : 'Post comment'}
        </button>
      </form>
    </div>
  );
}

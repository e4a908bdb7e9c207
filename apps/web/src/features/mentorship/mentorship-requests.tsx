import { useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useSession } from '../../lib/session.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import {
  dateFormat,
  isIncoming,
  otherParty,
  type Mentorship,
  type Page,
} from './mentorship-types.ts';
import { useLiveReload } from './use-live-reload.ts';

/** Requests waiting for an answer: received ones to accept or reject, sent ones to withdraw. */
export function MentorshipRequests({
  version,
  onChanged,
}: {
  version: number;
  onChanged: () => void;
}) {
  const { api, me } = useSession();
  const pending = useApiQuery<Page<Mentorship>>('/mentorships/pending?limit=50');
  useLiveReload(version, pending.reload);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState<number | null>(null);
  const items = pending.data?.items ?? [];
  const incoming = items.filter(isIncoming);
  const outgoing = items.filter((item) => !isIncoming(item));

  const act = async (mentorship: Mentorship, action: 'accept' | 'reject' | 'withdraw') => {
    setBusy(mentorship.id);
    setProblem(undefined);
    try {
      if (action === 'withdraw') await api.delete(`/mentorships/${mentorship.id}`);
      else await api.post(`/mentorships/${mentorship.id}/${action}`);
      onChanged();
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setBusy(null);
      await pending.reload();
    }
  };

  const describe = (mentorship: Mentorship) => {
    const other = otherParty(mentorship);
    return `${other.displayName} (@${other.handle}) — as your ${mentorship.role === 'mentor' ? 'mentee' : 'mentor'}, until ${dateFormat.format(new Date(mentorship.endDate))}`;
  };

  return (
    <section aria-labelledby="requests-heading" className="card">
      <h2 id="requests-heading">Requests</h2>
      <ProblemMessage problem={problem ?? pending.error} />
      {pending.data === undefined && !pending.error ? (
        <Loading label="Loading requests…" />
      ) : (
        <>
          <h3>Received</h3>
          {incoming.length === 0 ? (
            <EmptyState title="No requests waiting for you">
              <p>
                {me?.availableToMentor
                  ? 'Writers who ask you to mentor them appear here.'
                  : 'Mark yourself available to mentor in your profile so writers can ask you.'}
              </p>
            </EmptyState>
          ) : (
            <ul className="requests" aria-label="Received requests">
              {incoming.map((mentorship) => (
                <li key={mentorship.id} className="request">
                  <p>{describe(mentorship)}</p>
                  {mentorship.notes ? <blockquote>{mentorship.notes}</blockquote> : null}
                  <div className="actions">
                    <button
                      type="button"
                      disabled={busy === mentorship.id}
                      onClick={() => void act(mentorship, 'accept')}
                    >
                      Accept {otherParty(mentorship).displayName}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy === mentorship.id}
                      onClick={() => void act(mentorship, 'reject')}
                    >
                      Decline
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <h3>Sent</h3>
          {outgoing.length === 0 ? (
            <EmptyState title="No requests sent">
              <p>Find a mentor below and send them a request.</p>
            </EmptyState>
          ) : (
            <ul className="requests" aria-label="Sent requests">
              {outgoing.map((mentorship) => (
                <li key={mentorship.id} className="request">
                  <p>
                    {describe(mentorship)} <span className="badge">Waiting for an answer</span>
                  </p>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy === mentorship.id}
                    onClick={() => void act(mentorship, 'withdraw')}
                  >
                    Withdraw
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

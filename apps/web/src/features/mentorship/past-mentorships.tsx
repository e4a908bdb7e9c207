import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import {
  dateFormat,
  otherParty,
  type Mentorship,
  type MentorshipState,
  type Page,
} from './mentorship-types.ts';
import { useLiveReload } from './use-live-reload.ts';

const ENDINGS: Partial<Record<MentorshipState, string>> = {
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  REJECTED: 'Declined',
};

/** Relations that ended: completed, cancelled or declined. */
export function PastMentorships({ version }: { version: number }) {
  const past = useApiQuery<Page<Mentorship>>('/mentorships/past?limit=20');
  useLiveReload(version, past.reload);
  const items = past.data?.items ?? [];
  return (
    <section aria-labelledby="past-heading" className="card">
      <h2 id="past-heading">Past mentorships</h2>
      <ProblemMessage problem={past.error} />
      {past.data === undefined && !past.error ? (
        <Loading label="Loading past mentorships…" />
      ) : items.length === 0 ? (
        <EmptyState title="None yet">
          <p>Mentorships you complete or cancel, and requests declined, are kept here.</p>
        </EmptyState>
      ) : (
        <ul className="requests" aria-label="Past mentorships">
          {items.map((mentorship) => {
            const other = otherParty(mentorship);
            return (
              <li key={mentorship.id} className="request">
                <p>
                  {mentorship.role === 'mentee' ? 'Mentored by' : 'Mentoring'} {other.displayName}{' '}
                  <span className="handle">@{other.handle}</span>{' '}
                  <span className="badge">{ENDINGS[mentorship.state] ?? mentorship.state}</span>
                </p>
                <p className="field-hint">
                  Asked on {dateFormat.format(new Date(mentorship.createdAt))}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

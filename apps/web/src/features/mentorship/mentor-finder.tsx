import { useState } from 'react';
import type { FormEvent } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormField } from '../../components/form-field.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import type { ApiClient } from '../../lib/api-client.ts';
import { ApiProblem, asProblem } from '../../lib/problem.ts';
import { useSession } from '../../lib/session.tsx';
import { SelectField, TextAreaField } from '../works/fields.tsx';
import { endDateIn, type MentorProfile } from './mentorship-types.ts';

const HANDLE = /^@?([A-Za-z0-9_]{1,32})$/;
const MAX_RESULTS = 10;
const WEEK_CHOICES = [4, 8, 12, 16, 20, 24];

/**
 * People matching a name or handle, with their mentorship profile. Authors are found through
 * search (people who have published); a handle typed in full finds anyone.
 */
async function findPeople(
  api: ApiClient,
  query: string,
  myHandle: string,
): Promise<MentorProfile[]> {
  const handles = new Set<string>();
  const typed = HANDLE.exec(query)?.[1];
  if (typed) handles.add(typed);
  try {
    const found = await api.get<{ items: { author: { handle: string } | null }[] }>(
      `/search?type=authors&limit=${MAX_RESULTS}&q=${encodeURIComponent(query)}`,
    );
    for (const item of found.items) if (item.author) handles.add(item.author.handle);
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status >= 500 || error.status === 0) throw error;
  }
  handles.delete(myHandle);
  const profiles = await Promise.all(
    [...handles]
      .slice(0, MAX_RESULTS)
      .map((handle) =>
        api.get<MentorProfile>(`/users/${encodeURIComponent(handle)}`).catch(() => null),
      ),
  );
  return profiles
    .filter((profile): profile is MentorProfile => profile !== null)
    .sort((a, b) => Number(b.availableToMentor) - Number(a.availableToMentor));
}

/** Find a mentor by name or handle and ask them, with a message and how long it should last. */
export function MentorFinder({ onSent }: { onSent: () => void }) {
  const { api, me } = useSession();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<MentorProfile[] | undefined>(undefined);
  const [searching, setSearching] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [asking, setAsking] = useState<{ handle: string; as: 'mentor' | 'mentee' } | null>(null);
  const [sent, setSent] = useState('');

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (!q || !me) return;
    setSearching(true);
    setProblem(undefined);
    try {
      setResults(await findPeople(api, q, me.handle));
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setSearching(false);
    }
  };

  return (
    <section aria-labelledby="find-mentor" className="card">
      <h2 id="find-mentor">Find a mentor</h2>
      <form className="inline-form" onSubmit={(event) => void search(event)} noValidate>
        <FormField
          label="Name or handle"
          name="q"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          hint="Writers who have published are found by name; anyone by their full @handle."
        />
        <button type="submit" disabled={searching}>
          {searching ? 'Searching…' : 'Search'}
        </button>
      </form>
      <ProblemMessage problem={problem} />
      <p role="status" className="status-text">
        {sent}
      </p>
      {searching ? <Loading label="Searching…" /> : null}
      {results !== undefined && !searching ? (
        results.length === 0 ? (
          <EmptyState title="Nobody found">
            <p>Try their full @handle, or another part of their name.</p>
          </EmptyState>
        ) : (
          <ul className="people" aria-label="People found">
            {results.map((person) => (
              <li key={person.handle} className="person">
                <p className="person-name">
                  <strong>{person.displayName}</strong>{' '}
                  <span className="handle">@{person.handle}</span>{' '}
                  <span className={person.availableToMentor ? 'badge badge-ok' : 'badge'}>
                    {person.availableToMentor ? 'Available to mentor' : 'Not mentoring now'}
                  </span>
                </p>
                {person.skills ? <p className="field-hint">Teaches: {person.skills}</p> : null}
                {person.interests ? (
                  <p className="field-hint">Wants to learn: {person.interests}</p>
                ) : null}
                <div className="actions">
                  {person.availableToMentor ? (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setAsking({ handle: person.handle, as: 'mentee' })}
                    >
                      Ask {person.displayName} to mentor me
                    </button>
                  ) : null}
                  {person.needsMentoring && me?.availableToMentor ? (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setAsking({ handle: person.handle, as: 'mentor' })}
                    >
                      Offer to mentor {person.displayName}
                    </button>
                  ) : null}
                </div>
                {asking?.handle === person.handle ? (
                  <RequestForm
                    person={person}
                    as={asking.as}
                    onCancel={() => setAsking(null)}
                    onSent={() => {
                      setAsking(null);
                      setSent(`Request sent to ${person.displayName}.`);
                      onSent();
                    }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function RequestForm({
  person,
  as,
  onSent,
  onCancel,
}: {
  person: MentorProfile;
  as: 'mentor' | 'mentee';
  onSent: () => void;
  onCancel: () => void;
}) {
  const { api } = useSession();
  const [notes, setNotes] = useState('');
  const [weeks, setWeeks] = useState(12);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await api.post('/mentorships', {
        ...(as === 'mentee' ? { mentorHandle: person.handle } : { menteeHandle: person.handle }),
        endDate: endDateIn(weeks),
        ...(notes.trim() ? { notes } : {}),
      });
      onSent();
    } catch (caught) {
      setProblem(asProblem(caught));
      setBusy(false);
    }
  };

  return (
    <form className="request-form" onSubmit={(event) => void submit(event)} noValidate>
      <ProblemMessage problem={problem} shownFields={['notes', 'endDate']} />
      <TextAreaField
        label="Message"
        name="notes"
        maxLength={1000}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        error={problem?.field('notes')}
        hint={`What you hope to ${as === 'mentee' ? 'learn' : 'work on'} together.`}
      />
      <SelectField
        label="How long"
        name="weeks"
        value={String(weeks)}
        onChange={(event) => setWeeks(Number(event.target.value))}
        error={problem?.field('endDate')}
      >
        {WEEK_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {choice} weeks
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send request'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

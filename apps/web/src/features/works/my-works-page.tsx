import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormField } from '../../components/form-field.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import { SelectField, TextAreaField } from './fields.tsx';
import { useMyWorks } from './use-my-works.ts';
import { ROLE_LABELS, type Genre, type Work } from './work-types.ts';
import './works.css';

/** My works: what I own or co-write, with my role, and a form to start a new one. */
export function MyWorksPage() {
  const { works, error, reload } = useMyWorks();
  return (
    <div className="works">
      <h1>My works</h1>
      <div className="works-layout">
        <section aria-labelledby="my-works-list" className="works-list-section">
          <h2 id="my-works-list">Works I write</h2>
          {error ? (
            <>
              <ProblemMessage problem={error} />
              <button type="button" className="secondary" onClick={reload}>
                Try again
              </button>
            </>
          ) : works === undefined ? (
            <Loading label="Loading your works…" />
          ) : works.length === 0 ? (
            <EmptyState title="Start your first work">
              <p>Give it a title in the form, then add pages and write.</p>
            </EmptyState>
          ) : (
            <ul className="works-list">
              {works.map((work) => (
                <WorkItem key={work.id} work={work} />
              ))}
            </ul>
          )}
        </section>
        <CreateWorkForm />
      </div>
    </div>
  );
}

function WorkItem({ work }: { work: Work }) {
  return (
    <li className="card work-item">
      <h3>
        <Link to={`/my/works/${work.id}`}>{work.title}</Link>
      </h3>
      <p className="work-meta">
        <span className="badge">{work.role ? ROLE_LABELS[work.role] : 'Reader'}</span>{' '}
        <span className={work.published ? 'badge badge-ok' : 'badge'}>
          {work.published ? 'Published' : 'Draft'}
        </span>
        {work.genre ? <span> · {work.genre.name}</span> : null}
        {work.role !== 'owner' ? <span> · by {work.owner.displayName}</span> : null}
      </p>
      {work.description ? <p className="work-description">{work.description}</p> : null}
    </li>
  );
}

function CreateWorkForm() {
  const api = useApi();
  const navigate = useNavigate();
  const genres = useApiQuery<{ items: Genre[] }>('/genres');
  const [title, setTitle] = useState('');
  const [genre, setGenre] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const work = await api.post<Work>('/works', {
        title,
        ...(genre ? { genre } : {}),
        ...(description.trim() ? { description } : {}),
      });
      void navigate(`/my/works/${work.id}`);
    } catch (caught) {
      setProblem(asProblem(caught));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-work" className="card new-work">
      <h2 id="new-work">New work</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ProblemMessage problem={problem} shownFields={['title', 'genre', 'description']} />
        <FormField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={problem?.field('title')}
        />
        <SelectField
          label="Genre"
          name="genre"
          value={genre}
          onChange={(event) => setGenre(event.target.value)}
          error={problem?.field('genre')}
        >
          <option value="">No genre yet</option>
          {genres.data?.items.map((item) => (
            <option key={item.slug} value={item.slug}>
              {item.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label="Description"
          name="description"
          maxLength={5000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={problem?.field('description')}
          hint="Optional: a line or two readers see."
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create work'}
        </button>
      </form>
    </section>
  );
}

import { useState } from 'react';
import type { FormEvent } from 'react';
import { FormField } from '../../components/form-field.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import { SelectField, TextAreaField } from './fields.tsx';
import type { Genre, Work } from './work-types.ts';

/** Title, genre and description of a work (owner and editors). */
export function WorkDetailsForm({ work, onSaved }: { work: Work; onSaved: (work: Work) => void }) {
  const api = useApi();
  const genres = useApiQuery<{ items: Genre[] }>('/genres');
  const [title, setTitle] = useState(work.title);
  const [genre, setGenre] = useState(work.genre?.slug ?? '');
  const [description, setDescription] = useState(work.description ?? '');
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState('saving');
    setProblem(undefined);
    try {
      const saved = await api.patch<Work>(`/works/${work.id}`, {
        title,
        genre: genre || null,
        description: description.trim() ? description : null,
      });
      onSaved(saved);
      setState('saved');
    } catch (caught) {
      setProblem(asProblem(caught));
      setState('idle');
    }
  };

  return (
    <section aria-labelledby="work-details" className="card">
      <h2 id="work-details">Details</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ProblemMessage problem={problem} shownFields={['title', 'genre', 'description']} />
        <FormField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
            setState('idle');
          }}
          error={problem?.field('title')}
        />
        <SelectField
          label="Genre"
          name="genre"
          value={genre}
          onChange={(event) => {
            setGenre(event.target.value);
            setState('idle');
          }}
          error={problem?.field('genre')}
        >
          <option value="">No genre</option>
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
          onChange={(event) => {
            setDescription(event.target.value);
            setState('idle');
          }}
          error={problem?.field('description')}
        />
        <div className="actions">
          <button type="submit" disabled={state === 'saving'}>
            {state === 'saving' ? 'Saving…' : 'Save details'}
          </button>
          <span role="status" className="status-text">
            {state === 'saved' ? 'Saved' : ''}
          </span>
        </div>
      </form>
    </section>
  );
}

import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormField } from '../../components/form-field.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import type { Page, Work } from './work-types.ts';

/** The order after moving the page at `index` one place up (-1) or down (+1). */
export function movedOrder(pages: readonly Page[], index: number, step: -1 | 1): number[] {
  const ids = pages.map((page) => page.id);
  const target = index + step;
  if (target < 0 || target >= ids.length) return ids;
  [ids[index], ids[target]] = [ids[target]!, ids[index]!];
  return ids;
}

/** A work's pages: add, reorder with buttons, delete after a confirmation, open in the editor. */
export function WorkPages({ work, canEdit }: { work: Work; canEdit: boolean }) {
  const api = useApi();
  const pages = useApiQuery<{ items: Page[] }>(`/works/${work.id}/pages`);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const items = pages.data?.items ?? [];

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
    } catch (caught) {
      setProblem(asProblem(caught));
      await pages.reload();
    } finally {
      setBusy(false);
    }
  };

  const move = (index: number, step: -1 | 1) =>
    act(async () => {
      const page = items[index]!;
      const result = await api.post<{ items: Page[] }>(`/works/${work.id}/pages/order`, {
        pageIds: movedOrder(items, index, step),
      });
      pages.setData(result);
      const position = result.items.findIndex((item) => item.id === page.id) + 1;
      setAnnouncement(`“${page.title}” is now page ${position} of ${result.items.length}.`);
    });

  const remove = (page: Page) =>
    act(async () => {
      await api.delete(`/pages/${page.id}`);
      setConfirming(null);
      pages.setData({ items: items.filter((item) => item.id !== page.id) });
      setAnnouncement(`“${page.title}” deleted.`);
    });

  return (
    <section aria-labelledby="work-pages" className="card pages-section">
      <h2 id="work-pages">Pages</h2>
      <ProblemMessage problem={problem ?? pages.error} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {pages.data === undefined && !pages.error ? (
        <Loading label="Loading pages…" />
      ) : items.length === 0 ? (
        <EmptyState title="No pages yet">
          {canEdit ? <p>Add the first page below, then open it to write.</p> : null}
        </EmptyState>
      ) : (
        <ol className="page-list" aria-label="Pages in order">
          {items.map((page, index) => (
            <li key={page.id} className="page-row">
              <span className="page-title">{page.title}</span>
              <span className="page-actions">
                <Link
                  className="button secondary"
                  to={`/write/${work.id}/${page.id}`}
                  aria-label={`${canEdit ? 'Write' : 'Open'} “${page.title}”`}
                >
                  {canEdit ? 'Write' : 'Open'}
                </Link>
                {canEdit ? (
                  <>
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy || index === 0}
                      aria-label={`Move “${page.title}” up`}
                      onClick={() => void move(index, -1)}
                    >
                      ↑ Up
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy || index === items.length - 1}
                      aria-label={`Move “${page.title}” down`}
                      onClick={() => void move(index, 1)}
                    >
                      ↓ Down
                    </button>
                    {confirming === page.id ? (
                      <span className="confirm" role="group" aria-label={`Delete “${page.title}”?`}>
                        <span>Delete for good?</span>
                        <button
                          type="button"
                          className="danger"
                          disabled={busy}
                          onClick={() => void remove(page)}
                        >
                          Yes, delete “{page.title}”
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => setConfirming(null)}
                        >
                          Keep it
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Delete “${page.title}”`}
                        onClick={() => setConfirming(page.id)}
                      >
                        Delete
                      </button>
                    )}
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      )}
      {canEdit ? (
        <AddPageForm
          workId={work.id}
          onAdded={(page) => pages.setData({ items: [...items, page] })}
        />
      ) : null}
    </section>
  );
}

function AddPageForm({ workId, onAdded }: { workId: number; onAdded: (page: Page) => void }) {
  const api = useApi();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      onAdded(await api.post<Page>(`/works/${workId}/pages`, { title }));
      setTitle('');
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-page" onSubmit={(event) => void submit(event)} noValidate>
      <ProblemMessage problem={problem} shownFields={['title']} />
      <FormField
        label="New page title"
        name="title"
        required
        maxLength={200}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={problem?.field('title')}
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add page'}
      </button>
    </form>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useApi, useSession } from '../../lib/session.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import type { Work } from '../../lib/work-types.ts';
import { FollowButton } from '../profile/follow-button.tsx';
import type { PageSummary, PublishedPage } from './reader-types.ts';
import './reader.css';
import { findProgress, scrollToOffset, useReadingProgress } from './use-reading-progress.ts';

/**
 * A published work, a page at a time: contents, previous/next, and the place a signed-in reader
 * left off (`/works/:id` opens where they stopped; `/works/:id/pages/:pageId` a given page).
 */
export function ReaderPage() {
  const params = useParams();
  const workId = Number(params.workId);
  const pageId = params.pageId ? Number(params.pageId) : undefined;
  const api = useApi();
  const { me } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const resumeAt = (location.state as { position?: number } | null)?.position ?? 0;
  const work = useApiQuery<Work>(`/works/${workId}`);
  const pages = useApiQuery<{ items: PageSummary[] }>(`/works/${workId}/pages`);
  const page = useApiQuery<PublishedPage>(pageId ? `/pages/${pageId}/published` : null);
  const article = useRef<HTMLElement>(null);
  const [resolving, setResolving] = useState(false);

  // No page in the address: open where this reader stopped, else the first page.
  const items = pages.data?.items;
  useEffect(() => {
    if (pageId !== undefined || !items || me === undefined) return;
    const first = items[0];
    if (!first) return;
    const controller = new AbortController();
    const open = (id: number, position = 0) =>
      void navigate(`/works/${workId}/pages/${id}`, { replace: true, state: { position } });
    if (!me) {
      open(first.id);
      return;
    }
    setResolving(true);
    findProgress(api, workId, controller.signal)
      .then((entry) => {
        if (controller.signal.aborted) return;
        const known = entry && items.some((item) => item.id === entry.page.id);
        if (entry && known) open(entry.page.id, entry.position);
        else open(first.id);
      })
      .catch(() => !controller.signal.aborted && open(first.id))
      .finally(() => setResolving(false));
    return () => controller.abort();
  }, [api, me, items, pageId, workId, navigate]);

  const loaded = page.data && page.data.pageId === pageId ? page.data : undefined;

  // Back to the reader's place on a resumed page, else the top of a newly opened one.
  useEffect(() => {
    if (!loaded || !article.current) return;
    if (resumeAt > 0) scrollToOffset(article.current, resumeAt, loaded.text.length);
    else window.scrollTo({ top: 0 });
  }, [loaded, resumeAt]);

  useReadingProgress(api, {
    enabled: Boolean(me && loaded),
    workId,
    pageId: loaded?.pageId,
    textLength: loaded?.text.length ?? 0,
    article,
  });

  if (!Number.isInteger(workId) || work.error?.status === 404 || work.error?.status === 403) {
    return (
      <section aria-labelledby="reader-title">
        <h1 id="reader-title">This work is not available</h1>
        <EmptyState title="It may have been unpublished, or the address is wrong">
          <p>
            <Link to="/">Find something else to read</Link>
          </p>
        </EmptyState>
      </section>
    );
  }
  if (!work.data) return work.error ? <ProblemMessage problem={work.error} /> : <Loading />;

  const current = work.data;
  const list = items ?? [];
  const index = list.findIndex((item) => item.id === pageId);
  const previous = index > 0 ? list[index - 1] : undefined;
  const next = index >= 0 ? list[index + 1] : undefined;

  return (
    <div className="reader">
      <header className="reader-head">
        <p className="reader-kicker">
          {current.genre ? <span className="work-genre">{current.genre.name}</span> : null}
          {current.published ? null : (
            <span className="reader-draft">Draft — only collaborators see it</span>
          )}
        </p>
        <h1 id="reader-title">{current.title}</h1>
        <p className="reader-byline">
          by{' '}
          <Link to={`/users/${encodeURIComponent(current.owner.handle)}`}>
            {current.owner.displayName}
          </Link>{' '}
          <FollowButton handle={current.owner.handle} name={current.owner.displayName} />
        </p>
        {current.description ? <p className="reader-description">{current.description}</p> : null}
      </header>
      <div className="reader-layout">
        <nav className="reader-toc" aria-label="Contents">
          <h2>Contents</h2>
          {list.length === 0 && !pages.loading ? (
            <p>No pages yet.</p>
          ) : (
            <ol>
              {list.map((item) => (
                <li key={item.id}>
                  <Link
                    to={`/works/${workId}/pages/${item.id}`}
                    aria-current={item.id === pageId ? 'page' : undefined}
                  >
                    {item.title}
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </nav>
        <div className="reader-main">
          <ProblemMessage problem={pages.error} />
          {list.length === 0 && pages.data ? (
            <EmptyState title="This work has no published pages yet">
              <p>
                Follow {current.owner.displayName} to hear when they publish.{' '}
                <Link to="/">Explore other works</Link>
              </p>
            </EmptyState>
          ) : null}
          {resolving || (pageId !== undefined && !loaded && page.loading) ? (
            <Loading label="Opening the page…" />
          ) : null}
          {page.error?.status === 404 ? (
            <EmptyState title="This page is not published yet">
              <p>Readers see it once the work is published again.</p>
            </EmptyState>
          ) : page.error ? (
            <ProblemMessage problem={page.error} />
          ) : null}
          {loaded ? (
            <article ref={article} className="reader-page" aria-labelledby="page-title">
              <h2 id="page-title">{loaded.title}</h2>
              {loaded.text.trim() === '' ? (
                <p className="reader-empty">This page is empty.</p>
              ) : (
                // The API renders this HTML from the page's document and sanitises it against an
                // allow-list of the page schema's tags (packages/text/src/page-json-to-html.ts).
                <div className="reader-text" dangerouslySetInnerHTML={{ __html: loaded.html }} />
              )}
            </article>
          ) : null}
          {index >= 0 ? (
            <nav className="reader-pager" aria-label="Pages">
              {previous ? (
                <Link rel="prev" to={`/works/${workId}/pages/${previous.id}`}>
                  ← Previous: {previous.title}
                </Link>
              ) : (
                <span />
              )}
              <span className="reader-where">
                Page {index + 1} of {list.length}
              </span>
              {next ? (
                <Link rel="next" to={`/works/${workId}/pages/${next.id}`}>
                  Next: {next.title} →
                </Link>
              ) : (
                <span>The end</span>
              )}
            </nav>
          ) : null}
        </div>
      </div>
    </div>
  );
}

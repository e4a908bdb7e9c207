import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import { MarkedText } from './marked-text.tsx';
import './search.css';

interface SearchResult {
  type: 'work' | 'page' | 'author';
  id: number;
  workId: number | null;
  workTitle: string | null;
  title: string;
  titleHtml: string;
  snippet: string;
  author: { handle: string; displayName: string } | null;
}
interface SearchResults {
  items: SearchResult[];
  nextCursor: string | null;
}

const DEBOUNCE_MS = 250;
const KINDS = [
  { value: '', label: 'Everything' },
  { value: 'works', label: 'Works' },
  { value: 'pages', label: 'Pages' },
  { value: 'authors', label: 'Authors' },
];
const KIND_LABEL = { work: 'Work', page: 'Page', author: 'Author' } as const;

function hrefOf(result: SearchResult): string {
  if (result.type === 'author')
    return result.author ? `/users/${encodeURIComponent(result.author.handle)}` : '/search';
  if (result.type === 'page') return `/works/${result.workId}/pages/${result.id}`;
  return `/works/${result.id}`;
}

/**
 * Results as you type: the query lives in the URL (shareable, Back works), each keystroke waits
 * 250 ms for the next, and a newer query aborts the request of the older one.
 */
export function SearchPage() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const [text, setText] = useState(q);
  // Shown at once when clicked; the URL (which the search follows) catches up a moment later.
  const [kind, setKind] = useState(type);
  useEffect(() => setKind(type), [type]);
  const [results, setResults] = useState<{ query: string; data: SearchResults }>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [searching, setSearching] = useState(false);
  const [more, setMore] = useState(false);

  // The address changed under us (Back, a link): show its query in the box.
  useEffect(() => {
    setText((current) => (current.trim() === q.trim() ? current : q));
  }, [q]);

  // Typing: move the query into the URL once the typist pauses.
  useEffect(() => {
    if (text.trim() === q.trim()) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(params);
      if (text.trim()) next.set('q', text.trim());
      else next.delete('q');
      setParams(next, { replace: true });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, q, params, setParams]);

  const query = `q=${encodeURIComponent(q.trim())}${type ? `&type=${type}` : ''}`;
  useEffect(() => {
    if (!q.trim()) {
      setResults(undefined);
      setProblem(undefined);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    api
      .get<SearchResults>(`/search?${query}&limit=20`, { signal: controller.signal })
      .then((data) => {
        setResults({ query, data });
        setProblem(undefined);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setProblem(asProblem(error));
      })
      .finally(() => {
        if (!controller.signal.aborted) setSearching(false);
      });
    return () => controller.abort();
  }, [api, q, query]);

  const loadMore = async () => {
    const cursor = results?.data.nextCursor;
    if (!results || !cursor) return;
    setMore(true);
    try {
      const next = await api.get<SearchResults>(
        `/search?${results.query}&limit=20&cursor=${encodeURIComponent(cursor)}`,
      );
      setResults((current) =>
        current && current.query === results.query
          ? {
              query: current.query,
              data: { items: [...current.data.items, ...next.items], nextCursor: next.nextCursor },
            }
          : current,
      );
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setMore(false);
    }
  };

  const setType = (value: string) => {
    setKind(value);
    const next = new URLSearchParams(params);
    if (value) next.set('type', value);
    else next.delete('type');
    setParams(next, { replace: true });
  };

  const shown = q.trim() && results ? results.data.items : [];
  const fresh = results?.query === query;

  return (
    <section className="search-page" aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <form
        role="search"
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams(params);
          if (text.trim()) next.set('q', text.trim());
          setParams(next, { replace: true });
        }}
      >
        <div className="field">
          <label htmlFor="search-input">Search works, pages and authors</label>
          <input
            id="search-input"
            type="search"
            value={text}
            autoComplete="off"
            // The page exists to search; the box is where the reader wants to be.
            autoFocus
            maxLength={200}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <fieldset className="search-kinds">
          <legend className="visually-hidden">Show</legend>
          {KINDS.map((option) => (
            <label key={option.value} className={kind === option.value ? 'active' : undefined}>
              <input
                type="radio"
                name="type"
                value={option.value}
                checked={kind === option.value}
                onChange={() => setType(option.value)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      </form>
      <p className="search-status" role="status" aria-live="polite">
        {searching
          ? 'Searching…'
          : q.trim() && results && fresh
            ? `${results.data.items.length}${results.data.nextCursor ? '+' : ''} result${results.data.items.length === 1 ? '' : 's'} for “${q.trim()}”`
            : ''}
      </p>
      <ProblemMessage problem={problem} />
      {!q.trim() ? (
        <EmptyState title="Type to search">
          <p>
            Find published works, pages and authors by any word in them. Or browse by genre on{' '}
            <Link to="/">Explore</Link>.
          </p>
        </EmptyState>
      ) : results && fresh && shown.length === 0 ? (
        <EmptyState title={`Nothing found for “${q.trim()}”`}>
          <p>
            Check the spelling, use fewer words{type ? ', or search everything' : ''}.{' '}
            <Link to="/">Explore works</Link> instead.
          </p>
        </EmptyState>
      ) : null}
      {shown.length > 0 ? (
        <ol className="search-results" aria-busy={searching}>
          {shown.map((result) => (
            <li key={`${result.type}:${result.id}`} className="card">
              <p className="search-kind">{KIND_LABEL[result.type]}</p>
              <h2>
                <Link to={hrefOf(result)}>
                  <MarkedText html={result.titleHtml} />
                </Link>
              </h2>
              {result.type !== 'author' ? (
                <p className="search-meta">
                  {result.workTitle ? <>in {result.workTitle} </> : null}
                  {result.author ? <>by {result.author.displayName}</> : null}
                </p>
              ) : result.author ? (
                <p className="search-meta">@{result.author.handle}</p>
              ) : null}
              {result.snippet ? (
                <p className="search-snippet">
                  <MarkedText html={result.snippet} />
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {fresh && results?.data.nextCursor ? (
        <button type="button" className="secondary" disabled={more} onClick={() => void loadMore()}>
          {more ? 'Loading…' : 'Show more results'}
        </button>
      ) : null}
    </section>
  );
}

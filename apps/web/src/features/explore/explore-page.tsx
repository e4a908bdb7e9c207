import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi, useSession } from '../../lib/session.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import './explore.css';
import { WorkCard } from './work-card.tsx';
import type { Genre, WorkList } from '../../lib/work-types.ts';

const PAGE = 24;

/** The front page: published works, newest first, narrowed by genre (kept in the URL). */
export function ExplorePage() {
  const api = useApi();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const genre = params.get('genre') ?? '';
  const genres = useApiQuery<{ items: Genre[] }>('/genres');
  const path = `/works?limit=${PAGE}${genre ? `&genre=${encodeURIComponent(genre)}` : ''}`;
  const works = useApiQuery<WorkList>(path);
  const [more, setMore] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  // The list also holds the caller's own drafts; Explore shows what readers can read.
  const published = (works.data?.items ?? []).filter((work) => work.published);
  const genreName = genres.data?.items.find((g) => g.slug === genre)?.name;

  const loadMore = async () => {
    const cursor = works.data?.nextCursor;
    if (!cursor) return;
    setMore(true);
    try {
      const next = await api.get<WorkList>(`${path}&cursor=${encodeURIComponent(cursor)}`);
      works.setData((current) => ({
        items: [...(current?.items ?? []), ...next.items],
        nextCursor: next.nextCursor,
      }));
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setMore(false);
    }
  };

  return (
    <section className="explore-page" aria-labelledby="explore-title">
      <div className="explore-head">
        <h1 id="explore-title">{genreName ? `${genreName} on Pluma` : 'Explore'}</h1>
        <div className="field genre-filter">
          <label htmlFor="genre-filter">Genre</label>
          <select
            id="genre-filter"
            value={genre}
            onChange={(event) =>
              setParams(event.target.value ? { genre: event.target.value } : {}, {
                replace: true,
              })
            }
          >
            <option value="">All genres</option>
            {genres.data?.items.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ProblemMessage problem={works.error ?? problem} />
      {!works.data && works.loading ? <Loading label="Loading works…" /> : null}
      {works.data && published.length === 0 ? (
        <EmptyState
          title={genreName ? `No ${genreName.toLowerCase()} works yet` : 'Nothing published yet'}
        >
          {genre ? (
            <p>
              <Link to="/">See all genres</Link>
              {me ? (
                <>
                  {' '}
                  or <Link to="/my/works">write the first one</Link>
                </>
              ) : null}
              .
            </p>
          ) : me ? (
            <p>
              Be the first: <Link to="/my/works">start a work</Link> and publish it.
            </p>
          ) : (
            <p>
              <Link to="/sign-up">Create an account</Link> to write the first one.
            </p>
          )}
        </EmptyState>
      ) : null}
      {published.length > 0 ? (
        <div className="work-grid" aria-busy={works.loading}>
          {published.map((work) => (
            <WorkCard key={work.id} work={work} />
          ))}
        </div>
      ) : null}
      {works.data?.nextCursor ? (
        <button
          type="button"
          className="secondary load-more"
          disabled={more}
          onClick={() => void loadMore()}
        >
          {more ? 'Loading…' : 'Show more works'}
        </button>
      ) : null}
    </section>
  );
}

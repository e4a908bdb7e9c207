import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApiQuery } from '../../lib/use-api-query.ts';
import { useApi } from '../../lib/session.tsx';
import './feed.css';

interface FeedItem {
  id: number;
  title: string;
  description: string | null;
  genre: string | null;
  publishedAt: string;
  owner: { handle: string; displayName: string };
}
interface Feed {
  works: FeedItem[];
  nextCursor: string | null;
}

/** What the authors you follow published, newest first. */
export function FeedPage() {
  const api = useApi();
  const { data, error, loading, setData } = useApiQuery<Feed>('/me/feed?limit=20');
  const [more, setMore] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();

  const loadMore = async () => {
    if (!data?.nextCursor) return;
    setMore(true);
    try {
      const next = await api.get<Feed>(
        `/me/feed?limit=20&cursor=${encodeURIComponent(data.nextCursor)}`,
      );
      setData((current) => ({
        works: [...(current?.works ?? []), ...next.works],
        nextCursor: next.nextCursor,
      }));
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setMore(false);
    }
  };

  return (
    <section className="feed-page" aria-labelledby="feed-title">
      <h1 id="feed-title">Your feed</h1>
      <p className="feed-intro">New work from the authors you follow, newest first.</p>
      <ProblemMessage problem={error ?? problem} />
      {!data && loading ? <Loading /> : null}
      {data && data.works.length === 0 ? (
        <EmptyState title="Follow authors to see their new work here">
          <p>
            Find writers you like on <Link to="/">Explore</Link> and follow them from their profile.
          </p>
        </EmptyState>
      ) : null}
      {data && data.works.length > 0 ? (
        <ol className="feed-list">
          {data.works.map((work) => (
            <li key={work.id} className="card">
              <h2>
                <Link to={`/works/${work.id}`}>{work.title}</Link>
              </h2>
              <p className="feed-meta">
                by{' '}
                <Link to={`/users/${encodeURIComponent(work.owner.handle)}`}>
                  {work.owner.displayName}
                </Link>{' '}
                ·{' '}
                <time dateTime={work.publishedAt}>
                  {new Date(work.publishedAt).toLocaleDateString()}
                </time>
              </p>
              {work.description ? <p>{work.description}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {data?.nextCursor ? (
        <button type="button" className="secondary" disabled={more} onClick={() => void loadMore()}>
          {more ? 'Loading…' : 'Show older'}
        </button>
      ) : null}
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useApi, useSession } from '../../lib/session.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import { FollowButton } from './follow-button.tsx';
import './profile.css';

interface Profile {
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  availableToMentor: boolean;
  needsMentoring: boolean;
  interests: string | null;
  skills: string | null;
  createdAt: string;
  works: {
    id: number;
    title: string;
    description: string | null;
    publishedAt: string;
    role: 'owner' | 'editor' | 'viewer';
  }[];
}

interface FollowList {
  users: unknown[];
  nextCursor: string | null;
}

/** Counting pages this far at most; beyond it the count shows as "500+". */
const COUNT_PAGES = 5;

/**
 * Followers or following of a user, counted by paging the public list (the profile does not carry
 * counts); `more` when there are more than COUNT_PAGES pages.
 */
function useFollowCount(handle: string, direction: 'followers' | 'following') {
  const api = useApi();
  const [count, setCount] = useState<{ value: number; more: boolean }>();
  const load = useCallback(async () => {
    let value = 0;
    let cursor: string | null = null;
    for (let page = 0; page < COUNT_PAGES; page += 1) {
      const list: FollowList = await api.get<FollowList>(
        `/users/${encodeURIComponent(handle)}/${direction}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      value += list.users.length;
      cursor = list.nextCursor;
      if (!cursor) break;
    }
    setCount({ value, more: cursor !== null });
  }, [api, handle, direction]);
  useEffect(() => {
    load().catch(() => setCount(undefined));
  }, [load]);
  return {
    count,
    adjust: (delta: number) =>
      setCount((current) => (current ? { ...current, value: current.value + delta } : current)),
  };
}

const showCount = (count: { value: number; more: boolean } | undefined) =>
  count ? `${count.value}${count.more ? '+' : ''}` : '…';

/** An author's public page: who they are, what they published, who follows them. */
export function AuthorPage() {
  const { handle = '' } = useParams();
  const { me } = useSession();
  const profile = useApiQuery<Profile>(`/users/${encodeURIComponent(handle)}`);
  const followers = useFollowCount(handle, 'followers');
  const following = useFollowCount(handle, 'following');

  if (profile.error?.status === 404) {
    return (
      <section aria-labelledby="author-title">
        <h1 id="author-title">No such author</h1>
        <EmptyState title={`Nobody on Pluma has the handle @${handle}`}>
          <p>
            Check the address, or <Link to="/search">search for them</Link>.
          </p>
        </EmptyState>
      </section>
    );
  }
  if (!profile.data) {
    return profile.error ? <ProblemMessage problem={profile.error} /> : <Loading />;
  }
  const user = profile.data;
  const self = me?.handle === user.handle;

  return (
    <section className="author-page" aria-labelledby="author-title">
      <header className="author-head">
        {user.avatarUrl ? (
          <img className="author-avatar" src={user.avatarUrl} alt="" />
        ) : (
          <div className="author-avatar author-avatar-blank" aria-hidden="true">
            {user.displayName.slice(0, 1)}
          </div>
        )}
        <div className="author-intro">
          <h1 id="author-title">{user.displayName}</h1>
          <p className="author-handle">@{user.handle}</p>
          <dl className="author-counts">
            <div>
              <dt>Followers</dt>
              <dd data-testid="followers-count">{showCount(followers.count)}</dd>
            </div>
            <div>
              <dt>Following</dt>
              <dd>{showCount(following.count)}</dd>
            </div>
            <div>
              <dt>Published works</dt>
              <dd>{user.works.length}</dd>
            </div>
          </dl>
          {self ? (
            <Link className="button secondary" to="/settings">
              Edit your profile
            </Link>
          ) : (
            <FollowButton
              handle={user.handle}
              name={user.displayName}
              onChange={(now) => followers.adjust(now ? 1 : -1)}
            />
          )}
        </div>
      </header>
      {user.availableToMentor || user.skills || user.interests ? (
        <div className="author-mentoring card">
          {user.availableToMentor ? <p>Open to mentoring other writers.</p> : null}
          {user.skills ? (
            <p>
              <strong>Can teach:</strong> {user.skills}
            </p>
          ) : null}
          {user.interests ? (
            <p>
              <strong>Interested in:</strong> {user.interests}
            </p>
          ) : null}
        </div>
      ) : null}
      <h2>Published works</h2>
      {user.works.length === 0 ? (
        <EmptyState title={`${user.displayName} has not published anything yet`}>
          <p>
            {self ? (
              <>
                <Link to="/my/works">Publish a work</Link> and it will show here.
              </>
            ) : (
              <>Follow them to hear the moment they do.</>
            )}
          </p>
        </EmptyState>
      ) : (
        <ul className="author-works">
          {user.works.map((work) => (
            <li key={work.id} className="card">
              <h3>
                <Link to={`/works/${work.id}`}>{work.title}</Link>
              </h3>
              <p className="author-work-meta">
                {work.role === 'owner' ? 'Author' : 'Co-author'} · published{' '}
                <time dateTime={work.publishedAt}>
                  {new Date(work.publishedAt).toLocaleDateString()}
                </time>
              </p>
              {work.description ? <p>{work.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

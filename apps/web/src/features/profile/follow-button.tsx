import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi, useSession } from '../../lib/session.tsx';

/**
 * Follow / Unfollow for one author. Visitors get a sign-in link instead; nothing for yourself.
 * `onChange` tells the new state once the API agreed (for follower counts).
 */
export function FollowButton({
  handle,
  name,
  onChange,
}: {
  handle: string;
  name: string;
  onChange?: (following: boolean) => void;
}) {
  const api = useApi();
  const { me } = useSession();
  const location = useLocation();
  const [following, setFollowing] = useState<boolean>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const self = me?.handle === handle;
  const path = `/users/${encodeURIComponent(handle)}/follow`;

  useEffect(() => {
    if (!me || self) return;
    let live = true;
    api
      .get<{ following: boolean }>(path)
      .then((state) => live && setFollowing(state.following))
      .catch((error: unknown) => live && setProblem(asProblem(error)));
    return () => {
      live = false;
    };
  }, [api, me, self, path]);

  if (me === undefined || self) return null;
  if (me === null) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <Link className="button secondary" to={`/sign-in?next=${next}`}>
        Sign in to follow
      </Link>
    );
  }

  const toggle = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const state = following
        ? await api.delete<{ following: boolean }>(path)
        : await api.post<{ following: boolean }>(path);
      setFollowing(state.following);
      onChange?.(state.following);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="follow">
      <button
        type="button"
        className={following ? 'secondary' : undefined}
        disabled={busy || following === undefined}
        onClick={() => void toggle()}
      >
        {following ? 'Unfollow' : 'Follow'}
        <span className="visually-hidden"> {name}</span>
      </button>
      {problem ? (
        <span className="field-error" role="alert">
          {problem.summary}
        </span>
      ) : null}
    </span>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi, useSession } from '../../lib/session.tsx';
import './auth.css';
import { ResendVerification } from './resend-verification.tsx';

/** Opened from the verification mail: confirms the address, then offers to sign in. */
export function VerifyPage() {
  const api = useApi();
  const { me, reloadMe } = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<'verifying' | 'verified' | 'failed'>(
    token ? 'verifying' : 'failed',
  );
  const [problem, setProblem] = useState<ApiProblem>();
  // A token is single use: React's development double effect must not spend it twice.
  const sent = useRef<string | null>(null);

  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    api
      .post('/auth/verify', { token }, { auth: false })
      .then(() => {
        setState('verified');
        if (me) void reloadMe();
      })
      .catch((error: unknown) => {
        setProblem(asProblem(error));
        setState('failed');
      });
  }, [api, token, me, reloadMe]);

  return (
    <section className="auth-page form-narrow" aria-labelledby="verify-title">
      {state === 'verifying' ? (
        <>
          <h1 id="verify-title">Confirming your address</h1>
          <Loading label="Confirming your e-mail address…" />
        </>
      ) : state === 'verified' ? (
        <>
          <h1 id="verify-title">Your address is confirmed</h1>
          <p className="notice" role="status">
            Thank you. Your account is ready.
          </p>
          {me ? (
            <Link className="button" to="/">
              Start reading
            </Link>
          ) : (
            <Link className="button" to="/sign-in">
              Sign in
            </Link>
          )}
        </>
      ) : (
        <>
          <h1 id="verify-title">This link does not work</h1>
          <div className="problem" role="alert">
            <p>
              {token
                ? (problem?.summary ?? 'This verification link is not valid.')
                : 'This address has no verification token. Open the link from the e-mail we sent you.'}
            </p>
          </div>
          <p>Links work once and for a limited time. Ask for a new one:</p>
          <ResendVerification label="Send a new link" />
          <p className="auth-links">
            Already confirmed? <Link to="/sign-in">Sign in</Link>
          </p>
        </>
      )}
    </section>
  );
}

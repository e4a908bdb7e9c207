import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { FormField } from '../../components/form-field.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useSession } from '../../lib/session.tsx';
import './auth.css';
import { fieldMessage } from './field-message.ts';
import { ResendVerification } from './resend-verification.tsx';
import { safeNext } from './safe-next.ts';
import { FormProblem } from './form-problem.tsx';

/** E-mail and password; back to where the person came from (`?next=`) once signed in. */
export function SignInPage() {
  const { me, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await signIn(email, password);
      void navigate(next, { replace: true });
    } catch (error) {
      setProblem(asProblem(error));
      setBusy(false);
    }
  };

  if (me && !busy) return <Navigate to={next} replace />;
  const unverified = problem?.code === 'auth.email_unverified';

  return (
    <section className="auth-page form-narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Pluma</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {unverified ? (
          <div className="problem" role="alert">
            <p>
              Please confirm your e-mail address first: open the link we sent to {email}, or ask for
              a new one below.
            </p>
          </div>
        ) : (
          <FormProblem problem={problem} shownFields={['email', 'password']} />
        )}
        <FormField
          label="E-mail"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldMessage(problem, 'email', 'E-mail')}
        />
        <FormField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldMessage(problem, 'password', 'Password')}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <Link to="/forgot-password">Forgot your password?</Link>
        </div>
      </form>
      {unverified ? <ResendVerification email={email.trim()} label="Send a new link" /> : null}
      <p className="auth-links">
        New to Pluma? <Link to="/sign-up">Create an account</Link>
      </p>
    </section>
  );
}

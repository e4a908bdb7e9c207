import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormField } from '../../components/form-field.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi, useSession } from '../../lib/session.tsx';
import './auth.css';
import { fieldMessage } from './field-message.ts';
import { FormProblem } from './form-problem.tsx';

/** Opened from the password-reset mail: choose a new password (every session is signed out). */
export function ResetPasswordPage() {
  const api = useApi();
  const { me, signOut } = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await api.post('/auth/password-reset/confirm', { token, password }, { auth: false });
      setDone(true);
      // The API revoked every session, this tab's too.
      if (me) await signOut();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const linkBroken = !token || problem?.code === 'auth.link_invalid';

  return (
    <section className="auth-page form-narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      {done ? (
        <>
          <p className="notice" role="status">
            Your password is changed. For your safety every device was signed out.
          </p>
          <Link className="button" to="/sign-in">
            Sign in
          </Link>
        </>
      ) : linkBroken ? (
        <>
          <div className="problem" role="alert">
            <p>
              {problem?.summary ??
                'This address has no reset token. Open the link from the e-mail we sent you.'}
            </p>
          </div>
          <p>
            <Link className="button" to="/forgot-password">
              Ask for a new link
            </Link>
          </p>
        </>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FormProblem problem={problem} shownFields={['password', 'token']} />
          <FormField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldMessage(problem, 'password', 'Password')}
            hint="At least 10 characters; not your e-mail address or handle."
          />
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save new password'}
          </button>
        </form>
      )}
    </section>
  );
}

import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { FormField } from '../../components/form-field.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import './auth.css';
import { fieldMessage } from './field-message.ts';
import { FormProblem } from './form-problem.tsx';

/** Mails a link to choose a new password. */
export function ForgotPasswordPage() {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [sent, setSent] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await api.post('/auth/password-reset', { email }, { auth: false });
      setSent(email.trim());
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="auth-page form-narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Forgot your password?</h1>
      {sent ? (
        <>
          <p className="notice" role="status">
            If {sent} belongs to an account, a link to choose a new password is on its way. It works
            once, for a limited time.
          </p>
          <p className="auth-links">
            <Link to="/sign-in">Back to sign in</Link>
          </p>
        </>
      ) : (
        <>
          <p>Tell us the address you signed up with and we will mail you a link.</p>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <FormProblem problem={problem} shownFields={['email']} />
            <FormField
              label="E-mail"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={fieldMessage(problem, 'email', 'E-mail')}
            />
            <button type="submit" disabled={busy}>
              {busy ? 'Sending…' : 'Mail me a link'}
            </button>
          </form>
          <p className="auth-links">
            Remembered it? <Link to="/sign-in">Sign in</Link>
          </p>
        </>
      )}
    </section>
  );
}

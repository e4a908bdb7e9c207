import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { FormField } from '../../components/form-field.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import './auth.css';
import { fieldMessage } from './field-message.ts';
import { ResendVerification } from './resend-verification.tsx';
import { FormProblem } from './form-problem.tsx';

const FIELDS = ['email', 'displayName', 'handle', 'password'];

/** Create an account; afterwards, ask the person to open the link we mailed them. */
export function SignUpPage() {
  const api = useApi();
  const [form, setForm] = useState({ email: '', displayName: '', handle: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [sentTo, setSentTo] = useState<string>();

  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const created = await api.post<{ email: string }>('/auth/register', form, { auth: false });
      setSentTo(created.email);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  if (sentTo) {
    return (
      <section className="auth-page form-narrow" aria-labelledby="sign-up-title">
        <h1 id="sign-up-title">Check your e-mail</h1>
        <p className="notice" role="status">
          We sent a link to <strong>{sentTo}</strong>. Open it to confirm your address, then sign
          in.
        </p>
        <p>Nothing after a few minutes? Look in your spam folder, or ask for a new link.</p>
        <ResendVerification email={sentTo} />
        <p className="auth-links">
          <Link to="/sign-in">Go to sign in</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="auth-page form-narrow" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Create your account</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FormProblem problem={problem} shownFields={FIELDS} />
        <FormField
          label="E-mail"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={form.email}
          onChange={set('email')}
          error={fieldMessage(problem, 'email', 'E-mail')}
        />
        <FormField
          label="Display name"
          name="displayName"
          autoComplete="name"
          required
          value={form.displayName}
          onChange={set('displayName')}
          error={fieldMessage(problem, 'displayName', 'Display name')}
          hint="How readers see you, e.g. Ana Lima."
        />
        <FormField
          label="Handle"
          name="handle"
          autoComplete="username"
          required
          value={form.handle}
          onChange={set('handle')}
          error={fieldMessage(problem, 'handle', 'Handle')}
          hint="Your address on Pluma: 3 to 32 letters, digits or underscores."
        />
        <FormField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={form.password}
          onChange={set('password')}
          error={fieldMessage(problem, 'password', 'Password')}
          hint="At least 10 characters; a few words you will remember work well."
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p className="auth-links">
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}

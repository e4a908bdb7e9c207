import { useState } from 'react';
import type { FormEvent } from 'react';
import { FormField } from '../../components/form-field.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import { fieldMessage } from './field-message.ts';

/**
 * Mails a new verification link and says so: to `email` when it is known, otherwise to the address
 * the person types.
 */
export function ResendVerification({
  email: known,
  label = 'Send the link again',
}: {
  email?: string;
  label?: string;
}) {
  const api = useApi();
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [problem, setProblem] = useState<ApiProblem>();
  const email = known ?? typed.trim();

  const resend = async (event: FormEvent) => {
    event.preventDefault();
    setState('sending');
    setProblem(undefined);
    try {
      await api.post('/auth/verify/resend', { email }, { auth: false });
      setState('sent');
    } catch (error) {
      setProblem(asProblem(error));
      setState('idle');
    }
  };

  return (
    <form className="resend" onSubmit={(event) => void resend(event)} noValidate>
      <ProblemMessage problem={problem} shownFields={known ? [] : ['email']} />
      {known ? null : (
        <FormField
          label="E-mail"
          type="email"
          autoComplete="email"
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setState('idle');
          }}
          error={fieldMessage(problem, 'email', 'E-mail')}
        />
      )}
      {state === 'sent' ? (
        <p className="notice" role="status">
          If {email} has an account waiting for confirmation, a new link is on its way. It may take
          a minute to arrive.
        </p>
      ) : null}
      <button type="submit" className="secondary" disabled={state === 'sending'}>
        {state === 'sending' ? 'Sending…' : label}
      </button>
    </form>
  );
}

import { useState } from 'react';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useSession, type Me } from '../../lib/session.tsx';

const LABELS: Record<string, string> = {
  emailOnNewFollower: 'When someone follows me',
  emailOnNewPublication: 'When an author I follow publishes',
  emailOnMentorship: 'About my mentorships (requests, answers, tasks, comments)',
};

/** E-mail on/off, one switch per kind; each change is saved at once. */
export function PreferencesSection({ me }: { me: Me }) {
  const { api, reloadMe } = useSession();
  const [values, setValues] = useState<Record<string, boolean>>(me.preferences);
  const [saving, setSaving] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [saved, setSaved] = useState<string>();

  const change = async (key: string, on: boolean) => {
    const before = values[key];
    setValues((current) => ({ ...current, [key]: on }));
    setSaving(key);
    setSaved(undefined);
    setProblem(undefined);
    try {
      await api.patch('/me', { preferences: { [key]: on } });
      await reloadMe();
      setSaved(`${LABELS[key] ?? key}: e-mail ${on ? 'on' : 'off'}. Saved.`);
    } catch (error) {
      setValues((current) => ({ ...current, [key]: before ?? !on }));
      setProblem(asProblem(error));
    } finally {
      setSaving(undefined);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="preferences-title">
      <h2 id="preferences-title">E-mail</h2>
      <ProblemMessage problem={problem} />
      <fieldset className="preferences">
        <legend>E-mail me…</legend>
        {Object.keys(values).map((key) => (
          <label key={key} className="switch">
            <input
              type="checkbox"
              role="switch"
              checked={values[key] ?? false}
              disabled={saving === key}
              onChange={(event) => void change(key, event.target.checked)}
            />
            <span>{LABELS[key] ?? key}</span>
          </label>
        ))}
      </fieldset>
      <p className="saved" role="status">
        {saved ?? ''}
      </p>
      <p className="field-hint">Notifications still appear in the bell whatever you choose here.</p>
    </section>
  );
}

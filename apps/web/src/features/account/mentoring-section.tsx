import { useState } from 'react';
import type { FormEvent } from 'react';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useSession, type Me } from '../../lib/session.tsx';
import { fieldMessage } from '../auth/field-message.ts';
import { FormProblem } from '../auth/form-problem.tsx';

/** The mentorship side of the profile, shown to others on the author page and in mentor search. */
export function MentoringSection({ me }: { me: Me }) {
  const { api, reloadMe } = useSession();
  const [form, setForm] = useState({
    availableToMentor: Boolean(me.availableToMentor),
    needsMentoring: Boolean(me.needsMentoring),
    skills: typeof me.skills === 'string' ? me.skills : '',
    interests: typeof me.interests === 'string' ? me.interests : '',
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setProblem(undefined);
    try {
      await api.patch('/me', {
        availableToMentor: form.availableToMentor,
        needsMentoring: form.needsMentoring,
        skills: form.skills.trim() || null,
        interests: form.interests.trim() || null,
      });
      await reloadMe();
      setSaved(true);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const skillsError = fieldMessage(problem, 'skills', 'What you can teach');
  const interestsError = fieldMessage(problem, 'interests', 'What you want to learn');

  return (
    <section className="card settings-section" aria-labelledby="mentoring-title">
      <h2 id="mentoring-title">Mentoring</h2>
      <form onSubmit={(event) => void submit(event)} className="form-narrow" noValidate>
        <FormProblem problem={problem} shownFields={['skills', 'interests']} />
        <label className="switch">
          <input
            type="checkbox"
            checked={form.availableToMentor}
            onChange={(event) => setForm({ ...form, availableToMentor: event.target.checked })}
          />
          <span>I am available to mentor other writers</span>
        </label>
        <label className="switch">
          <input
            type="checkbox"
            checked={form.needsMentoring}
            onChange={(event) => setForm({ ...form, needsMentoring: event.target.checked })}
          />
          <span>I am looking for a mentor</span>
        </label>
        <div className="field">
          <label htmlFor="mentor-skills">What you can teach</label>
          <textarea
            id="mentor-skills"
            rows={2}
            maxLength={500}
            value={form.skills}
            aria-invalid={skillsError ? true : undefined}
            onChange={(event) => setForm({ ...form, skills: event.target.value })}
          />
          {skillsError ? (
            <p className="field-error" role="alert">
              {skillsError}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="mentor-interests">What you want to learn or write about</label>
          <textarea
            id="mentor-interests"
            rows={2}
            maxLength={500}
            value={form.interests}
            aria-invalid={interestsError ? true : undefined}
            onChange={(event) => setForm({ ...form, interests: event.target.value })}
          />
          {interestsError ? (
            <p className="field-error" role="alert">
              {interestsError}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save mentoring'}
          </button>
          {saved ? (
            <span className="saved" role="status">
              Saved
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}

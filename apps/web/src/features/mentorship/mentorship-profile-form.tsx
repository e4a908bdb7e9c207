import { useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useSession } from '../../lib/session.tsx';
import { TextAreaField } from '../works/fields.tsx';

/** My mentorship profile (kept on /v1/me): whether I mentor or look for a mentor, and in what. */
export function MentorshipProfileForm() {
  const { api, me, reloadMe } = useSession();
  const [available, setAvailable] = useState(Boolean(me?.availableToMentor));
  const [looking, setLooking] = useState(Boolean(me?.needsMentoring));
  const [skills, setSkills] = useState(typeof me?.skills === 'string' ? me.skills : '');
  const [interests, setInterests] = useState(typeof me?.interests === 'string' ? me.interests : '');
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const touch = () => setState('idle');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState('saving');
    setProblem(undefined);
    try {
      await api.patch('/me', {
        availableToMentor: available,
        needsMentoring: looking,
        skills: skills.trim() ? skills : null,
        interests: interests.trim() ? interests : null,
      });
      await reloadMe();
      setState('saved');
    } catch (caught) {
      setProblem(asProblem(caught));
      setState('idle');
    }
  };

  return (
    <section aria-labelledby="mentor-profile" className="card">
      <h2 id="mentor-profile">My mentorship profile</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ProblemMessage problem={problem} shownFields={['skills', 'interests']} />
        <div className="check">
          <input
            id="available-to-mentor"
            type="checkbox"
            checked={available}
            onChange={(event) => {
              setAvailable(event.target.checked);
              touch();
            }}
          />
          <label htmlFor="available-to-mentor">Available to mentor</label>
        </div>
        <div className="check">
          <input
            id="needs-mentoring"
            type="checkbox"
            checked={looking}
            onChange={(event) => {
              setLooking(event.target.checked);
              touch();
            }}
          />
          <label htmlFor="needs-mentoring">Looking for a mentor</label>
        </div>
        <TextAreaField
          label="What I can teach"
          name="skills"
          maxLength={500}
          value={skills}
          onChange={(event) => {
            setSkills(event.target.value);
            touch();
          }}
          error={problem?.field('skills')}
        />
        <TextAreaField
          label="What I want to learn"
          name="interests"
          maxLength={500}
          value={interests}
          onChange={(event) => {
            setInterests(event.target.value);
            touch();
          }}
          error={problem?.field('interests')}
        />
        <div className="actions">
          <button type="submit" disabled={state === 'saving'}>
            {state === 'saving' ? 'Saving…' : 'Save profile'}
          </button>
          <span role="status" className="status-text">
            {state === 'saved' ? 'Profile saved' : ''}
          </span>
        </div>
      </form>
    </section>
  );
}

import { useCallback, useState } from 'react';
import { useRealtimeEvent } from '../../lib/realtime.tsx';
import { CurrentMentorship } from './current-mentorship.tsx';
import { MentorFinder } from './mentor-finder.tsx';
import { MentorshipProfileForm } from './mentorship-profile-form.tsx';
import { MentorshipRequests } from './mentorship-requests.tsx';
import { PastMentorships } from './past-mentorships.tsx';
import './mentorship.css';

/**
 * Mentorship: the current relation with its tasks and comments, requests to answer, finding a
 * mentor, and my own mentorship profile. The other party's actions arrive live as `mentorship.*`
 * notifications, and every part reloads when one does.
 */
export function MentorshipPage() {
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useRealtimeEvent<{ type?: unknown }>('notification', (message) => {
    if (typeof message?.type === 'string' && message.type.startsWith('mentorship.')) refresh();
  });

  return (
    <div className="mentorship">
      <h1>Mentorship</h1>
      <div className="mentorship-grid">
        <div className="mentorship-main">
          <CurrentMentorship version={version} onChanged={refresh} />
          <MentorshipRequests version={version} onChanged={refresh} />
          <MentorFinder onSent={refresh} />
        </div>
        <div className="mentorship-side">
          <MentorshipProfileForm />
          <PastMentorships version={version} />
        </div>
      </div>
    </div>
  );
}

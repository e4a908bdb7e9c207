import { Link } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { useSession } from '../../lib/session.tsx';
import { AvatarSection } from './avatar-section.tsx';
import { DeleteAccountSection } from './delete-account-section.tsx';
import { MentoringSection } from './mentoring-section.tsx';
import { PreferencesSection } from './preferences-section.tsx';
import { ProfileSection } from './profile-section.tsx';
import './settings.css';

/** Your account: profile, picture, e-mail preferences, mentoring, deletion. */
export function SettingsPage() {
  const { me } = useSession();
  if (!me) return <Loading />;
  return (
    <div className="settings-page">
      <h1>Settings</h1>
      <p className="settings-intro">
        Signed in as {me.email}.{' '}
        <Link to={`/users/${encodeURIComponent(me.handle)}`}>See your public profile</Link>
      </p>
      <ProfileSection key={`${me.displayName}:${me.handle}`} me={me} />
      <AvatarSection me={me} />
      <PreferencesSection me={me} />
      <MentoringSection me={me} />
      <DeleteAccountSection me={me} />
    </div>
  );
}

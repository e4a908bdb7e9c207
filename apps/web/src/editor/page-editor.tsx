import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useSession } from '../lib/session.tsx';
import { CollabEditor } from './collab-editor.tsx';
import { PresenceList } from './presence-list.tsx';
import { SaveStatus } from './save-status.tsx';
import { useCollabProvider } from './use-collab-provider.ts';
import { usePageSentiment } from './use-page-sentiment.ts';
import { colorForUser } from './user-color.ts';
import { VersionHistoryPanel } from './version-history-panel.tsx';

/** The work as GET /v1/works/:id returns it (the fields the editor uses). */
export interface EditorWork {
  id: number;
  title: string;
  role: 'owner' | 'editor' | 'viewer' | null;
  published: boolean;
}

/** A page as GET /v1/works/:id/pages lists it. */
export interface EditorPageInfo {
  id: number;
  workId: number;
  title: string;
  position: number;
}

const REFUSALS: Record<string, string> = {
  forbidden: 'You are not a collaborator on this work any more, so this page cannot be opened.',
  'not-found': 'This page does not exist any more.',
  'token-expired': 'Your session has expired. Sign in again to keep writing.',
  'token-revoked': 'You were signed out. Sign in again to keep writing.',
  'token-invalid': 'Your session is not valid. Sign in again to keep writing.',
  'token-missing': 'Sign in to write on this page.',
};

/** The editor screen for one page: status, people, text, history and sentiment. */
export function PageEditor({
  work,
  page,
  pages,
}: {
  work: EditorWork;
  page: EditorPageInfo;
  pages: EditorPageInfo[];
}) {
  const { api, me } = useSession();
  const connection = useCollabProvider(api, page.id);
  const [panel, setPanel] = useState<'versions' | null>(null);
  const [sentimentOn, setSentimentOn] = useState(false);
  const sentiment = usePageSentiment(api, connection?.provider, page.id, sentimentOn);
  const sentimentId = useId();

  const mayWrite = work.role === 'owner' || work.role === 'editor';
  const editable = mayWrite && connection?.scope !== 'readonly' && !connection?.refusal;
  const user = useMemo(
    () => ({
      id: me?.id ?? 0,
      name: me?.displayName ?? 'Someone',
      color: colorForUser(me?.id ?? 0),
    }),
    [me?.id, me?.displayName],
  );

  useEffect(() => {
    const before = document.title;
    document.title = `${page.title} · ${work.title} · Pluma`;
    return () => {
      document.title = before;
    };
  }, [page.title, work.title]);

  const position = pages.findIndex((item) => item.id === page.id);
  const previous = position > 0 ? pages[position - 1] : undefined;
  const next = position >= 0 ? pages[position + 1] : undefined;

  return (
    <div className="editor-page">
      <header className="editor-head">
        <div className="editor-titles">
          <p className="editor-work">
            <Link to={`/my/works/${work.id}`}>{work.title}</Link>
            {work.role ? (
              <span className="editor-role"> · you are {roleName(work.role)}</span>
            ) : null}
          </p>
          <h1>{page.title}</h1>
        </div>
        <nav className="editor-links" aria-label="This work">
          <Link to={`/my/works/${work.id}`}>Manage work</Link>
          <Link to={`/works/${work.id}/pages/${page.id}`}>Read</Link>
          {previous ? (
            <Link to={`/write/${work.id}/${previous.id}`}>← {previous.title}</Link>
          ) : null}
          {next ? <Link to={`/write/${work.id}/${next.id}`}>{next.title} →</Link> : null}
        </nav>
      </header>

      <div className="editor-bar">
        {connection ? <SaveStatus inputs={connection.save} /> : null}
        {connection ? <PresenceList participants={connection.participants} /> : null}
      </div>

      {connection?.refusal ? (
        <div className="problem" role="alert">
          <p>{REFUSALS[connection.refusal] ?? 'The page could not be opened. Please try again.'}</p>
        </div>
      ) : null}
      {!mayWrite ? (
        <p className="notice editor-readonly-note">
          You can read this page; ask the owner for edit access.
        </p>
      ) : null}

      <div className={`editor-layout${panel ? ' with-panel' : ''}`}>
        <div className="editor-main">
          <div className="editor-options">
            <div className="sentiment-toggle">
              <input
                id={sentimentId}
                type="checkbox"
                checked={sentimentOn}
                onChange={(event) => setSentimentOn(event.target.checked)}
              />
              <label htmlFor={sentimentId}>Show sentiment</label>
              {sentimentOn ? (
                <span className="sentiment-legend">
                  <span className="sentiment-positive">positive</span>
                  <span className="sentiment-negative">negative</span>
                  <span className="sentiment-when">
                    {sentiment.updatedAt
                      ? 'updates a few seconds after typing stops'
                      : 'marks appear a few seconds after typing stops'}
                  </span>
                </span>
              ) : null}
            </div>
            <button
              type="button"
              className="secondary"
              aria-expanded={panel === 'versions'}
              aria-controls="editor-side-panel"
              onClick={() => setPanel(panel === 'versions' ? null : 'versions')}
            >
              Version history
            </button>
          </div>
          <ProblemMessage problem={sentiment.problem} />
          {connection ? (
            <CollabEditor
              workId={work.id}
              provider={connection.provider}
              user={user}
              editable={editable}
              sentences={sentiment.sentences}
            />
          ) : (
            <Loading label="Opening the page…" />
          )}
        </div>
        {panel === 'versions' ? (
          <aside id="editor-side-panel" className="editor-side">
            <VersionHistoryPanel pageId={page.id} canWrite={mayWrite} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}

function roleName(role: 'owner' | 'editor' | 'viewer'): string {
  return role === 'owner' ? 'the owner' : role === 'editor' ? 'an editor' : 'a viewer';
}

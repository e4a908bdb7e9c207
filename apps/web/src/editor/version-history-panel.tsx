import type { JSONContent } from '@tiptap/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { EmptyState } from '../components/empty-state.tsx';
import { FormField } from '../components/form-field.tsx';
import { Loading } from '../components/loading.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { asProblem, type ApiProblem } from '../lib/problem.ts';
import { useApi } from '../lib/session.tsx';
import { collabRequest } from './collab-request.ts';
import { VersionPreview } from './version-preview.tsx';

interface VersionSummary {
  id: number;
  name: string;
  createdAt: string;
  createdBy: { id: number; displayName: string } | null;
}

interface VersionList {
  versions: VersionSummary[];
  nextBefore: number | null;
}

interface VersionView extends VersionSummary {
  content: JSONContent;
  text: string;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Named versions of the page (served by the collab server): name the current text, look at an
 * old version, restore one (after a confirmation; the server keeps the text before as a version
 * and every open editor receives the restored text as an ordinary edit).
 */
export function VersionHistoryPanel({ pageId, canWrite }: { pageId: number; canWrite: boolean }) {
  const api = useApi();
  const base = `/pages/${pageId}/versions`;
  const [list, setList] = useState<VersionList | undefined>();
  const [listProblem, setListProblem] = useState<ApiProblem | undefined>();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [createProblem, setCreateProblem] = useState<ApiProblem | undefined>();
  const [viewing, setViewing] = useState<VersionView | undefined>();
  const [loadingView, setLoadingView] = useState<number | undefined>();
  const [confirming, setConfirming] = useState<VersionSummary | undefined>();
  const [restoring, setRestoring] = useState(false);
  const [actionProblem, setActionProblem] = useState<ApiProblem | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);

  const reload = useCallback(async () => {
    try {
      setList(await collabRequest<VersionList>(api, 'GET', base));
      setListProblem(undefined);
    } catch (error) {
      setListProblem(asProblem(error));
    }
  }, [api, base]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setCreateProblem(undefined);
    setNotice(undefined);
    try {
      const version = await collabRequest<VersionSummary>(api, 'POST', base, { name });
      setName('');
      setNotice(`Saved the current text as “${version.name}”.`);
      await reload();
    } catch (error) {
      setCreateProblem(asProblem(error));
    } finally {
      setSaving(false);
    }
  };

  const view = async (version: VersionSummary) => {
    setLoadingView(version.id);
    setActionProblem(undefined);
    try {
      setViewing(await collabRequest<VersionView>(api, 'GET', `${base}/${version.id}`));
    } catch (error) {
      setActionProblem(asProblem(error));
    } finally {
      setLoadingView(undefined);
    }
  };

  const restore = async (version: VersionSummary) => {
    setRestoring(true);
    setActionProblem(undefined);
    setNotice(undefined);
    try {
      const result = await collabRequest<{ restored: VersionSummary; backup: VersionSummary }>(
        api,
        'POST',
        `${base}/${version.id}/restore`,
      );
      setConfirming(undefined);
      setViewing(undefined);
      setNotice(
        `Restored “${result.restored.name}”. The text before it is kept as “${result.backup.name}”.`,
      );
      await reload();
    } catch (error) {
      setActionProblem(asProblem(error));
    } finally {
      setRestoring(false);
    }
  };

  const loadMore = async () => {
    if (!list?.nextBefore) return;
    setLoadingMore(true);
    try {
      const more = await collabRequest<VersionList>(
        api,
        'GET',
        `${base}?before=${list.nextBefore}`,
      );
      setList({ versions: [...list.versions, ...more.versions], nextBefore: more.nextBefore });
    } catch (error) {
      setListProblem(asProblem(error));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section className="editor-panel versions-panel" aria-labelledby="versions-title">
      <h2 id="versions-title">Version history</h2>
      {canWrite ? (
        <form className="version-form" onSubmit={(event) => void create(event)}>
          <FormField
            label="Version name"
            value={name}
            maxLength={200}
            required
            onChange={(event) => setName(event.target.value)}
            error={createProblem?.field('name')}
          />
          <ProblemMessage problem={createProblem} shownFields={['name']} />
          <button type="submit" disabled={saving || name.trim() === ''}>
            {saving ? 'Saving version…' : 'Save version'}
          </button>
        </form>
      ) : null}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ProblemMessage problem={actionProblem} />
      <ProblemMessage problem={listProblem} />
      {!list && !listProblem ? <Loading label="Loading versions…" /> : null}
      {list && list.versions.length === 0 ? (
        <EmptyState title="No named versions yet">
          {canWrite
            ? 'Name a version to keep this moment of the page; you can look at it or restore it later.'
            : 'When a writer names a version of this page, it will be listed here.'}
        </EmptyState>
      ) : null}
      {list && list.versions.length > 0 ? (
        <ol className="version-list" aria-label="Versions, newest first">
          {list.versions.map((version) => (
            <li key={version.id} className="version-item">
              <div className="version-meta">
                <span className="version-name">{version.name}</span>
                <span className="version-when">
                  {dateFormat.format(new Date(version.createdAt))}
                  {version.createdBy ? ` · ${version.createdBy.displayName}` : ''}
                </span>
              </div>
              <div className="version-actions">
                <button
                  type="button"
                  className="secondary"
                  aria-label={`View “${version.name}”`}
                  disabled={loadingView === version.id}
                  onClick={() => void view(version)}
                >
                  {loadingView === version.id ? 'Opening…' : 'View'}
                </button>
                {canWrite ? (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Restore “${version.name}”`}
                    onClick={() => setConfirming(version)}
                  >
                    Restore
                  </button>
                ) : null}
              </div>
              {confirming?.id === version.id ? (
                <div className="version-confirm" role="group" aria-label="Confirm restore">
                  <p>
                    Replace the page’s text with “{version.name}” for everyone? The current text is
                    kept as a version first.
                  </p>
                  <button
                    type="button"
                    className="danger"
                    disabled={restoring}
                    onClick={() => void restore(version)}
                  >
                    {restoring ? 'Restoring…' : 'Restore this version'}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setConfirming(undefined)}
                  >
                    Cancel
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {list?.nextBefore ? (
        <button
          type="button"
          className="secondary"
          disabled={loadingMore}
          onClick={() => void loadMore()}
        >
          {loadingMore ? 'Loading…' : 'Older versions'}
        </button>
      ) : null}
      {viewing ? (
        <div className="version-view" aria-labelledby="version-view-title">
          <div className="version-view-head">
            <h3 id="version-view-title">Viewing “{viewing.name}”</h3>
            <button type="button" className="secondary" onClick={() => setViewing(undefined)}>
              Close version
            </button>
          </div>
          <VersionPreview content={viewing.content} label={`Text of version “${viewing.name}”`} />
        </div>
      ) : null}
    </section>
  );
}

import { Link, useParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useApiQuery } from '../lib/use-api-query.ts';
import { PageEditor, type EditorPageInfo, type EditorWork } from './page-editor.tsx';
import './editor.css';

/** `/write/:workId/:pageId`: the live editor of one page of a work (collaborators only). */
export function EditorPage() {
  const params = useParams();
  const workId = Number(params.workId);
  const pageId = Number(params.pageId);
  const valid =
    Number.isSafeInteger(workId) && workId > 0 && Number.isSafeInteger(pageId) && pageId > 0;
  const work = useApiQuery<EditorWork>(valid ? `/works/${workId}` : null);
  const pages = useApiQuery<{ items: EditorPageInfo[] }>(valid ? `/works/${workId}/pages` : null);

  if (!valid) return <NotThere />;
  if (work.error || pages.error) {
    return (
      <div className="editor-page">
        <ProblemMessage problem={work.error ?? pages.error} />
        <p>
          <Link to="/my/works">Back to my works</Link>
        </p>
      </div>
    );
  }
  if (!work.data || !pages.data) return <Loading label="Opening the page…" />;
  if (!work.data.role) {
    return (
      <div className="editor-page">
        <div className="problem" role="alert">
          <p>
            You are not a collaborator on “{work.data.title}”, so you cannot open its pages here.
          </p>
        </div>
        <p>
          <Link to={`/works/${workId}`}>Read the work</Link>
        </p>
      </div>
    );
  }
  const page = pages.data.items.find((item) => item.id === pageId);
  if (!page) return <NotThere workId={workId} />;
  return <PageEditor key={page.id} work={work.data} page={page} pages={pages.data.items} />;
}

function NotThere({ workId }: { workId?: number }) {
  return (
    <div className="editor-page">
      <div className="problem" role="alert">
        <p>This page does not exist (it may have been deleted).</p>
      </div>
      <p>
        <Link to={workId ? `/my/works/${workId}` : '/my/works'}>
          {workId ? 'Back to the work' : 'Back to my works'}
        </Link>
      </p>
    </div>
  );
}

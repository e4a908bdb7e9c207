import { Link, useParams } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useApiQuery } from '../../lib/use-api-query.ts';
import { DeleteWork } from './delete-work.tsx';
import { WorkCollaborators } from './work-collaborators.tsx';
import { WorkCover } from './work-cover.tsx';
import { WorkDetailsForm } from './work-details-form.tsx';
import { WorkPages } from './work-pages.tsx';
import { WorkPublishing } from './work-publishing.tsx';
import { ROLE_LABELS, permissionsOf, type Work } from './work-types.ts';
import './works.css';

/** One work's settings: details, cover, pages, collaborators and publishing, as the role allows. */
export function WorkManagePage() {
  const { workId = '' } = useParams();
  const id = /^\d+$/.test(workId) ? Number(workId) : null;
  const work = useApiQuery<Work>(id === null ? null : `/works/${id}`);

  if (id === null || (work.error && !work.data)) {
    return (
      <div className="works">
        <h1>Work not available</h1>
        {work.error ? (
          <ProblemMessage problem={work.error} />
        ) : (
          <p>There is no work at this address.</p>
        )}
        <p>
          <Link to="/my/works">Back to my works</Link>
        </p>
      </div>
    );
  }
  if (!work.data) return <Loading label="Loading the work…" />;

  const current = work.data;
  const can = permissionsOf(current.role);
  const onChange = (next: Work) => work.setData({ ...next, role: next.role ?? current.role });

  return (
    <div className="works">
      <p className="breadcrumb">
        <Link to="/my/works">My works</Link>
      </p>
      <h1>{current.title}</h1>
      <p className="work-meta">
        <span className="badge">
          {current.role ? `You are ${ROLE_LABELS[current.role].toLowerCase()}` : 'Reader'}
        </span>{' '}
        <span className={current.published ? 'badge badge-ok' : 'badge'}>
          {current.published ? 'Published' : 'Draft'}
        </span>
        {current.role !== 'owner' ? <span> · owned by {current.owner.displayName}</span> : null}
      </p>
      {!can.edit && current.description ? (
        <p className="work-description">{current.description}</p>
      ) : null}
      {current.role === 'viewer' ? (
        <p className="notice">
          You can read this work and its pages; only its owner and editors change it.
        </p>
      ) : null}
      <div className="manage-grid">
        {can.edit ? <WorkDetailsForm work={current} onSaved={onChange} /> : null}
        {can.publish ? <WorkPublishing work={current} onChange={onChange} /> : null}
        <WorkPages work={current} canEdit={can.edit} />
        <WorkCollaborators work={current} canManage={can.manageCollaborators} />
        {can.edit ? <WorkCover work={current} onChange={onChange} /> : null}
        {current.role === 'owner' ? <DeleteWork work={current} /> : null}
      </div>
    </div>
  );
}

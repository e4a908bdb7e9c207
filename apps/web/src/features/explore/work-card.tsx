import { Link } from 'react-router';
import type { Work } from '../../lib/work-types.ts';

/** A published work in a grid: cover, title (the link to read it), author, genre, blurb. */
export function WorkCard({ work }: { work: Work }) {
  return (
    <article className="work-card card">
      {work.coverUrl ? (
        <img className="work-cover" src={work.coverUrl} alt="" loading="lazy" />
      ) : (
        <div className="work-cover work-cover-blank" aria-hidden="true">
          {work.title.slice(0, 1)}
        </div>
      )}
      <div className="work-card-body">
        <h2>
          <Link to={`/works/${work.id}`}>{work.title}</Link>
        </h2>
        <p className="work-meta">
          by{' '}
          <Link to={`/users/${encodeURIComponent(work.owner.handle)}`}>
            {work.owner.displayName}
          </Link>
          {work.genre ? <span className="work-genre">{work.genre.name}</span> : null}
        </p>
        {work.description ? <p className="work-description">{work.description}</p> : null}
      </div>
    </article>
  );
}

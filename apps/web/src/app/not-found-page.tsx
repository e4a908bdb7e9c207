import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        This address leads nowhere. <Link to="/">Explore published works</Link> or use search.
      </p>
    </section>
  );
}

import { useEffect, useState } from 'react';

type Status = 'checking' | 'ready' | 'unavailable';

/** Placeholder home page until the product screens land: shows whether the API is ready. */
export function App() {
  const [status, setStatus] = useState<Status>('checking');
  useEffect(() => {
    fetch('/v1/readyz')
      .then((res) => setStatus(res.ok ? 'ready' : 'unavailable'))
      .catch(() => setStatus('unavailable'));
  }, []);
  return (
    <main
      style={{
        fontFamily: 'system-ui, sans-serif',
        maxWidth: '40rem',
        margin: '4rem auto',
        padding: '0 1rem',
      }}
    >
      <h1>Pluma</h1>
      <p>
        Write together, live. Co-authors edit the same page at once; readers follow and are told the
        moment something new appears.
      </p>
      <p role="status">
        API: <strong>{status}</strong>
      </p>
      <p>
        API reference: <a href="/v1/docs">/v1/docs</a>
      </p>
    </main>
  );
}

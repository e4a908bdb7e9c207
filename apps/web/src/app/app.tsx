import { BrowserRouter } from 'react-router';
import { RealtimeProvider } from '../lib/realtime.tsx';
import { SessionProvider } from '../lib/session.tsx';
import { Layout } from './layout.tsx';
import { AppRoutes } from './routes.tsx';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <RealtimeProvider>
          <Layout>
            <AppRoutes />
          </Layout>
        </RealtimeProvider>
      </SessionProvider>
    </BrowserRouter>
  );
}

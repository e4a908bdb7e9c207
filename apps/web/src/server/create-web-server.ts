import { access } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createHealthRoutes } from '@pluma/runtime';
import { httpServerMetrics } from '@pluma/telemetry/http-metrics';

/** Serves the built single-page app from `distDir` (index.html for every unknown path) plus health probes. */
export function createWebServer(distDir: string): Hono {
  const app = new Hono();
  app.use(httpServerMetrics());
  app.route(
    '/',
    createHealthRoutes('web', {
      'built app': () => access(join(distDir, 'index.html')),
    }),
  );
  const root = relative(process.cwd(), distDir) || '.';
  // Vite names assets by content hash, so they never change under one name.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200)
      c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('/assets/*', serveStatic({ root }));
  app.use('*', serveStatic({ root }));
  app.get('*', serveStatic({ root, path: 'index.html' }));
  return app;
}

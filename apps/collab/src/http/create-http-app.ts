import { Hono, type Context } from 'hono';
import { pingDatabase } from '@pluma/db';
import { AppError, PROBLEM_CONTENT_TYPE, isUnexpected, toProblem } from '@pluma/errors';
import { createHealthRoutes } from '@pluma/runtime';
import { httpServerMetrics } from '@pluma/telemetry/http-metrics';
import type { HistoryDeps } from '../history/history-deps.ts';
import type { RequestAuthDeps } from './authorize-request.ts';
import { createVersionRoutes } from './versions.routes.ts';

/** The collab server's HTTP side: health probes and the version routes. */
export function createHttpApp(deps: HistoryDeps & RequestAuthDeps): Hono {
  const app = new Hono();
  app.use(httpServerMetrics());
  app.onError((error: Error, c: Context) => {
    if (isUnexpected(error))
      deps.log.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed');
    const problem = toProblem(error, c.req.path);
    const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
    if (error instanceof AppError) Object.assign(headers, error.headers);
    return c.body(JSON.stringify(problem), problem.status as 400, headers);
  });
  app.notFound((c) => {
    const problem = toProblem(
      new AppError('resource.not_found', `No route for ${c.req.method} ${c.req.path}.`),
      c.req.path,
    );
    return c.body(JSON.stringify(problem), 404, { 'content-type': PROBLEM_CONTENT_TYPE });
  });

  const health = createHealthRoutes('collab', {
    mysql: () => pingDatabase(deps.orm),
    redis: () => deps.redis.ping(),
  });
  // Probes answer at the root (Kubernetes) and under /collab (through the one public origin).
  app.route('/', health);
  app.route('/collab', health);
  app.route('/collab', createVersionRoutes(deps));
  return app;
}

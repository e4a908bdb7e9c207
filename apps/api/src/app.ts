import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { pingDatabase } from '@pluma/db';
import { createHealthRoutes } from '@pluma/runtime';
import { httpServerMetrics } from '@pluma/telemetry/http-metrics';
import type { ApiDeps } from './deps.ts';
import { createErrorHandler, notFound } from './http/on-error.ts';
import { requestContext } from './http/auth-middleware.ts';
import type { ApiEnv } from './http/env.ts';
import { validationHook } from './http/validation-hook.ts';
import { createAuthRoutes } from './routes/auth/auth.routes.ts';
import { createMeRoutes } from './routes/me/me.routes.ts';
import { createUsersRoutes } from './routes/users/users.routes.ts';
import { createWorksRoutes } from './routes/works/works.routes.ts';
import { createPagesRoutes } from './routes/pages/pages.routes.ts';
import { createSentimentRoutes } from './routes/sentiment/sentiment.routes.ts';
import { createGenresRoutes } from './routes/genres/genres.routes.ts';
import { createReadingRoutes } from './routes/reading/reading.routes.ts';
import { createDatasetsRoutes } from './routes/datasets/datasets.routes.ts';
import { createUploadsRoutes } from './routes/uploads/uploads.routes.ts';
import { createReportsRoutes } from './routes/reports/reports.routes.ts';
import { createFollowsRoutes } from './routes/follows/follows.routes.ts';
import { createFeedRoutes } from './routes/feed/feed.routes.ts';
import { createNotificationsRoutes } from './routes/notifications/notifications.routes.ts';
import { createMentorshipsRoutes } from './routes/mentorships/mentorships.routes.ts';
import { createSearchRoutes } from './routes/search/search.routes.ts';
import { createImagesRoutes } from './routes/images/images.routes.ts';

/** The API as a Hono app, testable with `app.request()` and no port. */
export function createApp(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  // First, so it times the whole request and sees the final status.
  app.use(httpServerMetrics());
  app.onError(createErrorHandler(deps.log));
  app.notFound(notFound);

  const health = createHealthRoutes('api', {
    mysql: () => pingDatabase(deps.orm),
    redis: () => deps.redis.ping(),
    s3: () => deps.storage.ping(),
  });
  // Probes answer both at the root (for Kubernetes) and under /v1 (through the one public origin).
  app.route('/', health);
  app.route('/v1', health);

  app.use('/v1/*', requestContext(deps));
  // Resource routers are mounted here, one folder each under routes/ (see STYLE.md).
  app.route('/v1', createAuthRoutes(deps));
  app.route('/v1', createMeRoutes(deps));
  app.route('/v1', createUsersRoutes(deps));
  app.route('/v1', createWorksRoutes(deps));
  app.route('/v1', createPagesRoutes(deps));
  app.route('/v1', createSentimentRoutes(deps));
  app.route('/v1', createGenresRoutes(deps));
  app.route('/v1', createReadingRoutes(deps));
  app.route('/v1', createDatasetsRoutes(deps));
  app.route('/v1', createUploadsRoutes(deps));
  app.route('/v1', createReportsRoutes(deps));
  app.route('/v1', createFollowsRoutes(deps));
  app.route('/v1', createFeedRoutes(deps));
  app.route('/v1', createNotificationsRoutes(deps));
  app.route('/v1', createMentorshipsRoutes(deps));
  app.route('/v1', createSearchRoutes(deps));
  app.route('/v1', createImagesRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  app.doc31('/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pluma API',
      version: '0.1.0',
      description: 'Accounts, works, pages, publishing, reading and more.',
    },
    servers: [{ url: deps.config.PUBLIC_URL }],
  });
  app.get('/v1/docs', swaggerUI({ url: '/v1/openapi.json' }));
  return app;
}

export type App = ReturnType<typeof createApp>;

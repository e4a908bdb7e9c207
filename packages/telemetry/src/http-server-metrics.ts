import { metrics, trace } from '@opentelemetry/api';

/** The parts of a Hono context the middleware reads (typed here so this package needs no Hono). */
interface RouteContext {
  req: {
    method: string;
    routeIndex: number;
    matchedRoutes: { path: string; handler: (...args: never[]) => unknown }[];
  };
  res: { status: number };
}

/** Seconds; from a fast cached read to a slow report or upload. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The label of a request no route answered (a raw path would make a series per URL). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Hono middleware (register it first): records `pluma_http_server_duration_seconds{route,method,status}`
 * with the route template, and names the HTTP server span `<METHOD> <route>` with `http.route`.
 */
export function httpServerMetrics() {
  const duration = metrics
    .getMeter('pluma-http')
    .createHistogram('pluma_http_server_duration_seconds', {
      description: 'Duration of HTTP requests by route template, method and status',
      unit: 's',
      advice: { explicitBucketBoundaries: BUCKETS },
    });
  return async (c: RouteContext, next: () => Promise<void>): Promise<void> => {
    const started = performance.now();
    // The server span is the active one here (the HTTP instrumentation started it for this request).
    const span = trace.getActiveSpan();
    let status = 500;
    try {
      await next();
      status = c.res.status;
    } finally {
      const route = routeTemplate(c);
      const method = c.req.method;
      duration.record((performance.now() - started) / 1000, {
        route,
        method,
        status: String(status),
      });
      if (span && route !== UNMATCHED_ROUTE) {
        span.setAttribute('http.route', route);
        span.updateName(`${method} ${route}`);
      }
    }
  };
}

/** The path template of the route that answered, e.g. `/v1/works/:id`. */
function routeTemplate(c: RouteContext): string {
  const matched = c.req.matchedRoutes[c.req.routeIndex];
  if (!matched) return UNMATCHED_ROUTE;
  // A middleware (it takes `next`) that answered 404 means nothing matched: the not-found handler ran.
  if (c.res.status === 404 && matched.handler.length >= 2) return UNMATCHED_ROUTE;
  return matched.path;
}

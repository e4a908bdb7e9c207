import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, PROBLEM_CONTENT_TYPE, isUnexpected, toProblem } from '@pluma/errors';
import type { Logger } from '@pluma/telemetry/logger';

/** Renders every error once as application/problem+json; unexpected ones are logged with their stack. */
export function createErrorHandler(log: Logger) {
  return (error: Error, c: Context) => {
    let appError: unknown = error;
    if (error instanceof HTTPException) {
      appError =
        error.status === 413
          ? new AppError(
              'request.too_large',
              'The request body is larger than this endpoint accepts.',
            )
          : new AppError('request.invalid', error.message || 'The request is invalid.');
    }
    if (isUnexpected(appError)) {
      log.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed');
    }
    const problem = toProblem(appError, c.req.path);
    const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
    if (appError instanceof AppError) Object.assign(headers, appError.headers);
    return c.body(JSON.stringify(problem), problem.status as 400, headers);
  };
}

/** 404 for unknown routes, as a problem document. */
export function notFound(c: Context) {
  const problem = toProblem(
    new AppError('resource.not_found', `No route for ${c.req.method} ${c.req.path}.`),
    c.req.path,
  );
  return c.body(JSON.stringify(problem), 404, { 'content-type': PROBLEM_CONTENT_TYPE });
}

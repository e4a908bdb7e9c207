import type { MiddlewareHandler } from 'hono';
import { AppError } from '@pluma/errors';
import { limitBody } from '../../http/json-body-limit.ts';

/** JSON bodies of the works, pages and reading routes are small: titles, ids, a description. */
export const JSON_BODY_MAX_BYTES = 64 * 1024;
export const COVER_MAX_BYTES = 5 * 1024 * 1024;

const limitJson = limitBody(JSON_BODY_MAX_BYTES, 'The JSON body');
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Refuses a body that is not JSON (415) or is over JSON_BODY_MAX_BYTES (413), before it is parsed. */
export const jsonBodyLimit: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type');
  if (!type || !JSON_TYPE.test(type)) {
    throw new AppError(
      'request.unsupported_media_type',
      `Send the body as JSON with "Content-Type: application/json" (got ${type ? `"${type}"` : 'no Content-Type'}).`,
    );
  }
  return limitJson(c, next);
};

/** Refuses a cover image over COVER_MAX_BYTES with 413 while it streams in. */
export const coverBodyLimit = limitBody(COVER_MAX_BYTES, 'The cover image');

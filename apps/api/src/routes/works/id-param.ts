import { z } from '@hono/zod-openapi';

/** A bigint id in a path, e.g. `/v1/works/{id}`: a positive safe integer. */
export const IdParamSchema = z.coerce
  .number({ error: 'must be a positive integer id' })
  .int('must be a positive integer id')
  .positive('must be a positive integer id')
  .max(Number.MAX_SAFE_INTEGER, 'is too large to be an id');

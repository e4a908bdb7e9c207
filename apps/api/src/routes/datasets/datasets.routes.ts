import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { DATASETS } from '@pluma/db';
import { AppError } from '@pluma/errors';
import type { MiddlewareHandler } from 'hono';
import { insertDatasetRows } from '../../commands/insert-dataset-rows.ts';
import { receiveUpload } from '../../commands/receive-upload.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { ApiEnv } from '../../http/env.ts';
import { limitBody } from '../../http/json-body-limit.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { UploadAcceptedSchema } from '../uploads/uploads.schema.ts';
import {
  DatasetParamsSchema,
  InsertRowsBodySchema,
  InsertRowsResultSchema,
} from './datasets.schema.ts';

const tags = ['Data sets'];
const security = [{ bearerAuth: [] }];
const RULES =
  'Headerless CSV in UTF-8 (a BOM, CRLF and quoted fields are fine); blank lines are skipped. departments: id,department; ' +
  'jobs: id,job; hired_employees: id,name,datetime,department_id,job_id with datetime ISO 8601 UTC (2021-07-27T16:02:08Z). ' +
  'Every field is required; ids are whole numbers from 1 to 2147483647. A row with a missing field, a wrong type, an impossible ' +
  'date, an unknown department or job, the wrong number of columns or an id already used by an earlier row of the same file ' +
  'is not inserted but recorded with its line number and reason. A row whose id is already in the data set replaces the stored ' +
  'row (re-uploading a corrected file updates it). A file is rejected as a whole, before anything is inserted, when it is empty, ' +
  'binary or not UTF-8 (checked on its first 64 KiB), or when none of its first 100 rows is valid.';

const CSV_TYPES = /^(text\/csv|text\/plain|application\/octet-stream|application\/csv)\s*(;|$)/i;

/** The upload is the raw body: a form or JSON body is a mistake worth naming. */
const csvBodyOnly: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type');
  if (type && !CSV_TYPES.test(type)) {
    throw new AppError(
      'request.unsupported_media_type',
      `Send the CSV file itself as the body with "Content-Type: text/csv" (got "${type}"); forms and JSON are not accepted here.`,
    );
  }
  await next();
};

const uploadRoute = createRoute({
  method: 'post',
  path: '/datasets/{name}/uploads',
  tags,
  summary: 'Upload a CSV file into a data set; it is ingested in the background',
  description: `${RULES} Up to 1 GiB, streamed (the body is the file itself). Follow progress at the returned statusUrl; the uploader is e-mailed when it ends.`,
  security,
  middleware: [csvBodyOnly] as const,
  request: {
    params: DatasetParamsSchema,
    body: {
      required: true,
      content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } },
    },
  },
  responses: {
    202: {
      description: 'Stored and queued for ingestion',
      content: { 'application/json': { schema: UploadAcceptedSchema } },
    },
    ...problemResponses(400, 401, 413, 415),
  },
});

const rowsRoute = createRoute({
  method: 'post',
  path: '/datasets/{name}/rows',
  tags,
  summary: 'Insert 1 to 1,000 rows at once, synchronously, under the rules of CSV uploads',
  description: `${RULES} Here the rows are JSON objects; rejected rows are answered by their index in the array.`,
  security,
  middleware: [limitBody(2 * 1024 * 1024, 'The JSON body')] as const,
  request: {
    params: DatasetParamsSchema,
    body: { required: true, content: { 'application/json': { schema: InsertRowsBodySchema } } },
  },
  responses: {
    200: {
      description: 'What was inserted and which rows were rejected, and why',
      content: { 'application/json': { schema: InsertRowsResultSchema } },
    },
    ...problemResponses(400, 401, 413),
  },
});

/** Uploads and direct row inserts into the employment data sets (signed-in users). */
export function createDatasetsRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(uploadRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const { name } = c.req.valid('param');
    const length = c.req.header('content-length');
    const upload = await receiveUpload(c.get('em'), deps.storage, deps.jobs, {
      ownerId: auth.userId,
      dataset: name,
      body: c.req.raw.body,
      declaredBytes: length === undefined || !/^\d+$/.test(length) ? undefined : Number(length),
      maxBytes: deps.config.UPLOAD_MAX_BYTES,
    });
    c.header('location', `/v1/uploads/${upload.id}`);
    return c.json(
      { uploadId: upload.id, status: upload.status, statusUrl: `/v1/uploads/${upload.id}` },
      202,
    );
  });

  app.openapi(rowsRoute, async (c) => {
    requireAuth(c.get('auth'));
    const { name } = c.req.valid('param');
    const result = await insertDatasetRows(c.get('em'), DATASETS[name], c.req.valid('json'));
    return c.json(result, 200);
  });
  return app;
}

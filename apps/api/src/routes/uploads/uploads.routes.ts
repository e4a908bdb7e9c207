import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { findUpload } from '../../commands/find-upload.ts';
import { listUploadRejections } from '../../commands/list-upload-rejections.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { ApiEnv } from '../../http/env.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { authorizeUpload } from './uploads.policy.ts';
import { REJECTIONS_CSV_HEADER, presentRejections, presentUpload } from './uploads.presenter.ts';
import { UploadIdParamsSchema, UploadSchema } from './uploads.schema.ts';

const tags = ['Data sets'];
const security = [{ bearerAuth: [] }];

const getUploadRoute = createRoute({
  method: 'get',
  path: '/uploads/{id}',
  tags,
  summary: 'Status, counts, progress and timings of one of your uploads',
  security,
  request: { params: UploadIdParamsSchema },
  responses: {
    200: { description: 'The upload', content: { 'application/json': { schema: UploadSchema } } },
    ...problemResponses(400, 401, 404),
  },
});

const rejectionsRoute = createRoute({
  method: 'get',
  path: '/uploads/{id}/rejections',
  tags,
  summary: 'The rejected rows of one of your uploads, as CSV: line, reason, raw row',
  security,
  request: { params: UploadIdParamsSchema },
  responses: {
    200: {
      description: 'CSV with a header line, in line order',
      content: { 'text/csv': { schema: z.string() } },
    },
    ...problemResponses(400, 401, 404),
  },
});

/** Ingestion runs, visible to their uploader only. */
export function createUploadsRoutes(_deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(getUploadRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const { id } = c.req.valid('param');
    const upload = authorizeUpload(await findUpload(c.get('em'), id), auth, id);
    return c.json(presentUpload(upload), 200);
  });

  app.openapi(rejectionsRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const { id } = c.req.valid('param');
    authorizeUpload(await findUpload(c.get('em'), id), auth, id);
    const pages = listUploadRejections(c.get('em'), id);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(REJECTIONS_CSV_HEADER));
      },
      async pull(controller) {
        const page = await pages.next();
        if (page.done) controller.close();
        else controller.enqueue(encoder.encode(presentRejections(page.value)));
      },
      async cancel() {
        await pages.return(undefined);
      },
    });
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="upload-${id}-rejections.csv"`,
    });
  });
  return app;
}

import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { findWorkAccess } from '../../commands/find-work-access.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { ApiEnv } from '../../http/env.ts';
import { limitBody } from '../../http/json-body-limit.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { COVER_MAX_BYTES } from '../works/body-limits.ts';
import { findWorkImageUrl } from './find-work-image.ts';
import { authorizeImageUpload } from './images.policy.ts';
import { presentImage } from './images.presenter.ts';
import { ImageParamsSchema, ImageWorkParamsSchema, PageImageSchema } from './images.schema.ts';
import { storeWorkImage } from './store-work-image.ts';

const tags = ['Works'];
const imageBody = z.string().openapi({ format: 'binary' });
/** Browsers may keep the redirect a while, well inside the presigned URL's 15 minutes. */
const REDIRECT_CACHE = 'private, max-age=300';

const uploadImageRoute = createRoute({
  method: 'post',
  path: '/works/{id}/images',
  tags,
  summary: 'Upload an image for the work’s pages: PNG, JPEG or WebP, at most 5 MB (owner, editors)',
  description:
    'Answers with a stable same-origin `url` to put in a page. Whoever knows that URL can see the ' +
    'image (see GET /v1/works/{id}/images/{imageId}), like user-content URLs elsewhere.',
  security: [{ bearerAuth: [] }],
  middleware: [limitBody(COVER_MAX_BYTES, 'The image')] as const,
  request: {
    params: ImageWorkParamsSchema,
    body: {
      required: true,
      description: 'The image bytes; the type is judged from the content',
      content: {
        'image/png': { schema: imageBody },
        'image/jpeg': { schema: imageBody },
        'image/webp': { schema: imageBody },
      },
    },
  },
  responses: {
    201: {
      description: 'The stored image and its stable URL',
      content: { 'application/json': { schema: PageImageSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const getImageRoute = createRoute({
  method: 'get',
  path: '/works/{id}/images/{imageId}',
  tags,
  summary: 'A page image: redirects to a short-lived URL of the image itself',
  description:
    'No token needed: `<img>` cannot send one. The image id is a random UUID v4 handed out only ' +
    'to the work’s writers, so the URL itself is the capability (like user-content URLs ' +
    'elsewhere): whoever can read a page that shows the image, or was given its URL, can see it. ' +
    'The redirect may be cached for 5 minutes; its target works for 15.',
  request: { params: ImageParamsSchema },
  responses: {
    302: {
      description: 'Location: a presigned URL of the image (15 minutes)',
      headers: { location: { schema: { type: 'string' } } },
    },
    ...problemResponses(400, 404),
  },
});

/** Images inside a work's pages: upload (writers) and a stable URL that serves them (anyone with it). */
export function createImagesRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(uploadImageRoute, async (c) => {
    const auth = requireAuth(c.get('auth'));
    const access = await findWorkAccess(c.get('em'), c.req.valid('param').id, auth.userId);
    authorizeImageUpload(access);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const imageId = await storeWorkImage(deps.storage, access, bytes);
    deps.log.info({ workId: access.work.id, imageId, bytes: bytes.length }, 'page image stored');
    return c.json(presentImage(access.work.id, imageId), 201);
  });

  app.openapi(getImageRoute, async (c) => {
    const { id, imageId } = c.req.valid('param');
    // The work must still exist: a deleted work's images stop being served even if objects remain.
    await findWorkAccess(c.get('em'), id, undefined);
    const url = await findWorkImageUrl(deps.storage, id, imageId);
    c.header('cache-control', REDIRECT_CACHE);
    return c.redirect(url, 302);
  });

  return app;
}

import { z } from '@hono/zod-openapi';
import { IdParamSchema } from '../works/id-param.ts';

export const ImageWorkParamsSchema = z.object({
  id: IdParamSchema.openapi({ param: { name: 'id', in: 'path' }, example: 42 }),
});

/** A page image's id: a random UUID v4, lower case as the API hands it out. */
const ImageIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    'must be an image id (a lower-case UUID v4) from POST /v1/works/{id}/images',
  );

export const ImageParamsSchema = z.object({
  id: IdParamSchema.openapi({ param: { name: 'id', in: 'path' }, example: 42 }),
  imageId: ImageIdSchema.openapi({
    param: { name: 'imageId', in: 'path' },
    example: '3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f',
  }),
});

export const PageImageSchema = z
  .object({
    id: z.string().openapi({ example: '3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f' }),
    url: z.string().openapi({
      description: 'Stable same-origin path to put in a page (`<img src>`); it never expires',
      example: '/v1/works/42/images/3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f',
    }),
  })
  .openapi('PageImage');
export type PageImage = z.infer<typeof PageImageSchema>;

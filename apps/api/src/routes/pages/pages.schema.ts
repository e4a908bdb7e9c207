import { z } from '@hono/zod-openapi';
import { IdParamSchema } from '../works/id-param.ts';

const TitleSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

export const PageIdParamsSchema = z.object({
  id: IdParamSchema.openapi({ param: { name: 'id', in: 'path' }, example: 7 }),
});

export const CreatePageBodySchema = z.strictObject({ title: TitleSchema }).openapi('CreatePage');
export const RenamePageBodySchema = z.strictObject({ title: TitleSchema }).openapi('RenamePage');

export const ReorderPagesBodySchema = z
  .strictObject({
    pageIds: z
      .array(
        z
          .number({ error: 'must be a page id' })
          .int('must be a page id')
          .positive('must be a page id'),
        {
          error: 'must be an array of page ids',
        },
      )
      .max(1000, 'must list at most 1000 pages'),
  })
  .openapi('ReorderPages');

export const PageSchema = z
  .object({
    id: z.number().int(),
    workId: z.number().int(),
    title: z.string(),
    position: z.number().int().openapi({ description: '0-based place in the work' }),
  })
  .openapi('Page');

export const PageListSchema = z.object({ items: z.array(PageSchema) }).openapi('PageList');

export const PublishedPageSchema = z
  .object({
    pageId: z.number().int(),
    workId: z.number().int(),
    title: z.string(),
    position: z.number().int(),
    json: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'ProseMirror JSON of the page as published' }),
    html: z.string().openapi({ description: 'Sanitized HTML rendered from json' }),
    text: z.string().openapi({ description: 'Plain text: blocks separated by a blank line' }),
    publishedAt: z.iso.datetime(),
  })
  .openapi('PublishedPage');

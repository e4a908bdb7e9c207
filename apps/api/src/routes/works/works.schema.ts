import { z } from '@hono/zod-openapi';
import { IdParamSchema } from './id-param.ts';

const TitleSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
const DescriptionSchema = z.string().trim().max(5000, 'must be at most 5000 characters');
const GenreSlugSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'must be a genre slug from GET /v1/genres');

export const WorkIdParamsSchema = z.object({
  id: IdParamSchema.openapi({ param: { name: 'id', in: 'path' }, example: 42 }),
});

export const CreateWorkBodySchema = z
  .strictObject({
    title: TitleSchema,
    description: DescriptionSchema.nullable().optional(),
    genre: GenreSlugSchema.nullable().optional(),
  })
  .openapi('CreateWork');
export type CreateWorkBody = z.infer<typeof CreateWorkBodySchema>;

export const UpdateWorkBodySchema = z
  .strictObject({
    title: TitleSchema.optional(),
    description: DescriptionSchema.nullable().optional(),
    genre: GenreSlugSchema.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: 'give at least one of title, description, genre',
  })
  .openapi('UpdateWork');
export type UpdateWorkBody = z.infer<typeof UpdateWorkBodySchema>;

export const LIST_LIMIT_DEFAULT = 20;
export const LIST_LIMIT_MAX = 50;

export const ListWorksQuerySchema = z.object({
  author: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,32}$/, 'must be a user handle')
    .optional()
    .openapi({ description: "Only works owned by this user's handle" }),
  genre: GenreSlugSchema.optional().openapi({ description: 'Only works of this genre (slug)' }),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be the nextCursor of a previous page')
    .optional()
    .openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce
    .number({ error: `must be an integer from 1 to ${LIST_LIMIT_MAX}` })
    .int(`must be an integer from 1 to ${LIST_LIMIT_MAX}`)
    .min(1, `must be an integer from 1 to ${LIST_LIMIT_MAX}`)
    .max(LIST_LIMIT_MAX, `must be an integer from 1 to ${LIST_LIMIT_MAX}`)
    .default(LIST_LIMIT_DEFAULT),
});

export const GenreSchema = z.object({ slug: z.string(), name: z.string() }).openapi('Genre');

export const WorkSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    genre: GenreSchema.nullable(),
    owner: z.object({ id: z.number().int(), handle: z.string(), displayName: z.string() }),
    coverUrl: z
      .string()
      .nullable()
      .openapi({ description: 'Presigned URL of the cover image, valid for 15 minutes' }),
    published: z.boolean(),
    publishedAt: z.iso.datetime().nullable(),
    role: z
      .enum(['owner', 'editor', 'viewer'])
      .nullable()
      .openapi({ description: "The caller's role on the work, null for readers" }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Work');
export type WorkView = z.infer<typeof WorkSchema>;

export const WorkListSchema = z
  .object({ items: z.array(WorkSchema), nextCursor: z.string().nullable() })
  .openapi('WorkList');

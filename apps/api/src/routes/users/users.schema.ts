import { z } from '@hono/zod-openapi';
import { MentorshipProfileSchema } from '../me/me.schema.ts';

export const HandleParamsSchema = z.object({
  handle: z
    .string()
    .min(1, 'must not be empty')
    .max(64, 'is too long to be a handle')
    .openapi({ param: { name: 'handle', in: 'path' }, example: 'ana_writes' }),
});

export const ProfileWorkSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    publishedAt: z.string().openapi({ format: 'date-time' }),
    role: z
      .enum(['owner', 'editor', 'viewer'])
      .openapi({ description: "This user's role on the work" }),
  })
  .openapi('ProfileWork');

export const PublicProfileSchema = z
  .object({
    handle: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    ...MentorshipProfileSchema.shape,
    createdAt: z.string().openapi({ format: 'date-time' }),
    works: z.array(ProfileWorkSchema).openapi({
      description: 'Published works this user owns or co-writes, newest first (at most 50)',
    }),
  })
  .openapi('PublicProfile');

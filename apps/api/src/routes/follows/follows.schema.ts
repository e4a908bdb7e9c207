import { z } from '@hono/zod-openapi';

export { HandleParamsSchema } from '../users/users.schema.ts';

export const CursorQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, 'must be the nextCursor of a previous page')
    .optional()
    .openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Page size (1-100, default 20)' }),
});

export const FollowStateSchema = z
  .object({
    handle: z.string(),
    following: z.boolean().openapi({ description: 'Whether you follow this user now' }),
  })
  .openapi('FollowState');

export const FollowUserSchema = z
  .object({
    handle: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    since: z.iso.datetime().openapi({ description: 'When the follow began' }),
  })
  .openapi('FollowUser');

export const FollowListSchema = z
  .object({
    users: z.array(FollowUserSchema).openapi({ description: 'Newest follow first' }),
    nextCursor: z.string().nullable(),
  })
  .openapi('FollowList');

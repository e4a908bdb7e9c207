import { z } from '@hono/zod-openapi';
import { MENTORSHIP_STATES } from '@pluma/db';
import { IdParamSchema } from '../works/id-param.ts';

const HandleSchema = z.string().regex(/^[A-Za-z0-9_]{1,32}$/, 'must be a user handle');

/** Shortest and longest mentorship, from the request to its end date. */
export const MIN_WEEKS = 4;
export const MAX_WEEKS = 24;

export const MentorshipIdParamsSchema = z.object({
  id: IdParamSchema.openapi({ param: { name: 'id', in: 'path' }, example: 7 }),
});
export const TaskParamsSchema = MentorshipIdParamsSchema.extend({
  taskId: IdParamSchema.openapi({ param: { name: 'taskId', in: 'path' }, example: 3 }),
});
export const CommentParamsSchema = TaskParamsSchema.extend({
  commentId: IdParamSchema.openapi({ param: { name: 'commentId', in: 'path' }, example: 12 }),
});

export const CreateMentorshipBodySchema = z
  .strictObject({
    mentorHandle: HandleSchema.optional().openapi({
      description: 'Ask this user to mentor you (you become the mentee)',
    }),
    menteeHandle: HandleSchema.optional().openapi({
      description: 'Offer to mentor this user (you become the mentor)',
    }),
    endDate: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).openapi({
      description: `When the mentorship ends: ${MIN_WEEKS} to ${MAX_WEEKS} weeks from now`,
    }),
    notes: z.string().trim().max(1000, 'must be at most 1000 characters').nullable().optional(),
  })
  .refine((body) => (body.mentorHandle === undefined) !== (body.menteeHandle === undefined), {
    message:
      'give exactly one of mentorHandle (you are the mentee) or menteeHandle (you are the mentor)',
    path: ['mentorHandle'],
  })
  .openapi('CreateMentorship');
export type CreateMentorshipBody = z.infer<typeof CreateMentorshipBodySchema>;

export const LIST_LIMIT_DEFAULT = 20;
export const LIST_LIMIT_MAX = 50;
const limitMessage = `must be an integer from 1 to ${LIST_LIMIT_MAX}`;

export const PageQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be the nextCursor of a previous page')
    .optional()
    .openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce
    .number({ error: limitMessage })
    .int(limitMessage)
    .min(1, limitMessage)
    .max(LIST_LIMIT_MAX, limitMessage)
    .default(LIST_LIMIT_DEFAULT),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const ListMentorshipsQuerySchema = PageQuerySchema.extend({
  state: z
    .enum(MENTORSHIP_STATES)
    .optional()
    .openapi({ description: 'Only relations in this state' }),
});

const UserRefSchema = z
  .object({ id: z.number().int(), handle: z.string(), displayName: z.string() })
  .openapi('MentorshipParty');

export const MentorshipSchema = z
  .object({
    id: z.number().int(),
    mentor: UserRefSchema,
    mentee: UserRefSchema,
    sentBy: z.enum(['mentor', 'mentee']).openapi({ description: 'Which party sent the request' }),
    role: z
      .enum(['mentor', 'mentee'])
      .openapi({ description: "The caller's side of the relation" }),
    state: z.enum(MENTORSHIP_STATES),
    endDate: z.iso.datetime(),
    notes: z.string().nullable(),
    acceptedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Mentorship');
export type MentorshipView = z.infer<typeof MentorshipSchema>;

export const MentorshipListSchema = z
  .object({ items: z.array(MentorshipSchema), nextCursor: z.string().nullable() })
  .openapi('MentorshipList');
export const CurrentMentorshipSchema = z
  .object({
    mentorship: MentorshipSchema.nullable().openapi({
      description: 'The ACCEPTED relation, or null when there is none',
    }),
  })
  .openapi('CurrentMentorship');

const DescriptionSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters');

export const CreateTaskBodySchema = z
  .strictObject({ description: DescriptionSchema })
  .openapi('CreateMentorshipTask');
export const UpdateTaskBodySchema = z
  .strictObject({
    description: DescriptionSchema.optional(),
    completed: z
      .boolean()
      .optional()
      .openapi({ description: 'true marks the task done, false reopens it' }),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: 'give at least one of description, completed',
  })
  .openapi('UpdateMentorshipTask');
export type UpdateTaskBody = z.infer<typeof UpdateTaskBodySchema>;

export const TaskSchema = z
  .object({
    id: z.number().int(),
    mentorshipId: z.number().int(),
    description: z.string(),
    completed: z.boolean(),
    completedAt: z.iso.datetime().nullable(),
    createdBy: UserRefSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('MentorshipTask');
export const TaskListSchema = z
  .object({ items: z.array(TaskSchema), nextCursor: z.string().nullable() })
  .openapi('MentorshipTaskList');

const CommentBodySchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000, 'must be at most 2000 characters');
export const CommentBodyJsonSchema = z
  .strictObject({ body: CommentBodySchema })
  .openapi('TaskCommentBody');

export const CommentSchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    author: UserRefSchema,
    body: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('TaskComment');
export const CommentListSchema = z
  .object({ items: z.array(CommentSchema), nextCursor: z.string().nullable() })
  .openapi('TaskCommentList');

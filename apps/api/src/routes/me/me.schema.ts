import { z } from '@hono/zod-openapi';
import { DisplayNameSchema, HandleSchema } from '../auth/auth.schema.ts';

export const PreferencesSchema = z
  .object({
    emailOnNewFollower: z.boolean().openapi({ description: 'E-mail me when someone follows me' }),
    emailOnNewPublication: z
      .boolean()
      .openapi({ description: 'E-mail me when someone I follow publishes' }),
    emailOnMentorship: z.boolean().openapi({
      description: 'E-mail me about my mentorships (requests, answers, tasks, comments)',
    }),
  })
  .openapi('Preferences');

const ProfileTextSchema = z.string().trim().max(500, 'must be at most 500 characters');

/** The mentorship side of a profile: whether the user mentors or looks for a mentor, and in what. */
export const MentorshipProfileSchema = z.object({
  availableToMentor: z
    .boolean()
    .openapi({ description: 'Offers to mentor: others may ask this user to be their mentor' }),
  needsMentoring: z
    .boolean()
    .openapi({ description: 'Looks for a mentor: others may offer to mentor this user' }),
  interests: z
    .string()
    .nullable()
    .openapi({ description: 'What the user wants to learn or write about' }),
  skills: z.string().nullable().openapi({ description: 'What the user can teach' }),
});

export const MeSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    handle: z.string(),
    displayName: z.string(),
    emailVerified: z.boolean(),
    avatarUrl: z
      .string()
      .nullable()
      .openapi({ description: 'Short-lived presigned URL of the avatar image, or null' }),
    preferences: PreferencesSchema,
    ...MentorshipProfileSchema.shape,
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Me');

export const UpdateMeBodySchema = z
  .strictObject({
    displayName: DisplayNameSchema.optional(),
    handle: HandleSchema.optional(),
    preferences: z
      .strictObject({
        emailOnNewFollower: z.boolean().optional(),
        emailOnNewPublication: z.boolean().optional(),
        emailOnMentorship: z.boolean().optional(),
      })
      .optional(),
    availableToMentor: z.boolean().optional(),
    needsMentoring: z.boolean().optional(),
    interests: ProfileTextSchema.nullable().optional(),
    skills: ProfileTextSchema.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message:
      'give at least one of displayName, handle, preferences, availableToMentor, needsMentoring, interests, skills',
  })
  .openapi('UpdateMe');

/** Largest avatar image accepted. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
/** Largest JSON body of the account routes. */
export const ACCOUNT_JSON_MAX_BYTES = 16 * 1024;

const binary = { schema: z.string().openapi({ type: 'string', format: 'binary' }) };
/** The avatar upload: raw image bytes; the type is detected from the content. */
export const AvatarBodyContent = {
  'image/png': binary,
  'image/jpeg': binary,
  'image/webp': binary,
  'application/octet-stream': binary,
};

import { z } from '@hono/zod-openapi';
import { DisplayNameSchema, HandleSchema } from '../auth/auth.schema.ts';

export const PreferencesSchema = z
  .object({
    emailOnNewFollower: z.boolean().openapi({ description: 'E-mail me when someone follows me' }),
    emailOnNewPublication: z.boolean().openapi({ description: 'E-mail me when someone I follow publishes' }),
  })
  .openapi('Preferences');

export const MeSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    handle: z.string(),
    displayName: z.string(),
    emailVerified: z.boolean(),
    avatarUrl: z.string().nullable().openapi({ description: 'Short-lived presigned URL of the avatar image, or null' }),
    preferences: PreferencesSchema,
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Me');

export const UpdateMeBodySchema = z
  .strictObject({
    displayName: DisplayNameSchema.optional(),
    handle: HandleSchema.optional(),
    preferences: z
      .strictObject({ emailOnNewFollower: z.boolean().optional(), emailOnNewPublication: z.boolean().optional() })
      .optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one of displayName, handle, preferences' })
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

import { z } from '@hono/zod-openapi';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@pluma/auth';

/** E-mail addresses are compared trimmed and lower-cased. */
export const EmailSchema = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'must be an e-mail address' }))
  .openapi({ type: 'string', format: 'email', example: 'ana@example.com' });

export const HandleSchema = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_]{3,32}$/, 'must be 3 to 32 letters, digits or underscores')
  .openapi({ example: 'ana_writes' });

export const DisplayNameSchema = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .openapi({ example: 'Ana Lima' });

const NewPasswordSchema = z
  .string({ error: 'is required' })
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters long`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters long`)
  .openapi({
    description: `At least ${PASSWORD_MIN_LENGTH} characters and not one of the most common passwords`,
    example: 'plume of seven quills',
  });

const TokenSchema = z
  .string({ error: 'is required' })
  .min(1, 'must not be empty')
  .max(200, 'is not a valid token');

export const RegisterBodySchema = z
  .strictObject({
    email: EmailSchema,
    password: NewPasswordSchema,
    displayName: DisplayNameSchema,
    handle: HandleSchema,
  })
  .openapi('Register');

export const VerifyBodySchema = z.strictObject({ token: TokenSchema }).openapi('VerifyEmail');
export const EmailBodySchema = z.strictObject({ email: EmailSchema }).openapi('EmailOnly');

export const LoginBodySchema = z
  .strictObject({
    email: EmailSchema,
    password: z
      .string({ error: 'is required' })
      .min(1, 'must not be empty')
      .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters long`),
  })
  .openapi('Login');

export const RefreshBodySchema = z.strictObject({ refreshToken: TokenSchema }).openapi('Refresh');
export const PasswordResetConfirmBodySchema = z
  .strictObject({ token: TokenSchema, password: NewPasswordSchema })
  .openapi('PasswordResetConfirm');

export const TokensSchema = z
  .object({
    accessToken: z.string().openapi({ description: 'JWT (HS256) for Authorization: Bearer' }),
    refreshToken: z
      .string()
      .openapi({ description: 'Opaque, single use: exchange it at POST /v1/auth/refresh' }),
    expiresIn: z
      .number()
      .int()
      .openapi({ description: 'Seconds until the access token expires', example: 900 }),
    tokenType: z.literal('Bearer'),
  })
  .openapi('Tokens');

export const AcceptedSchema = z
  .object({ status: z.literal('accepted'), detail: z.string() })
  .openapi('Accepted');
export const VerifiedSchema = z.object({ emailVerified: z.literal(true) }).openapi('Verified');

import type { Hook } from '@hono/zod-openapi';
import { AppError } from '@pluma/errors';

/** Turns a zod validation failure into a 400 problem naming each field and why. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the hook is shared by routes of every env type
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
  throw new AppError('request.invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
  });
};

import { z } from '@hono/zod-openapi';

/** An RFC 9457 problem document, as every error of the API is rendered. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    instance: z.string().optional(),
  })
  .openapi('Problem');

const descriptions = {
  400: 'Invalid body, parameter or token (the detail names each field and why)',
  401: 'Missing, invalid, expired or revoked credentials or token',
  403: 'Signed in, but not allowed to do this (or e-mail address not verified)',
  404: 'No such resource',
  409: 'Conflicts with existing data (e-mail address or handle taken)',
  413: 'Body larger than this endpoint accepts',
  415: 'Body is not a supported media type',
  429: 'Too many attempts; retry after the number of seconds in Retry-After',
} as const;

export type ProblemStatus = keyof typeof descriptions;

/** OpenAPI `responses` entries for the problem statuses a route can answer with. */
export function problemResponses<S extends ProblemStatus>(...statuses: S[]) {
  const content = { 'application/problem+json': { schema: ProblemSchema } };
  return Object.fromEntries(
    statuses.map((status) => [status, { description: descriptions[status] as string, content }]),
  ) as unknown as Record<S, { description: string; content: typeof content }>;
}

import { CollabConfigSchema } from '@pluma/config';
import { z } from 'zod';

/**
 * CollabConfigSchema plus the variables only collab reads. (They belong in packages/config's
 * CollabConfigSchema; kept here until that package takes them, so this app stays self-contained.)
 */
export const CollabAppConfigSchema = CollabConfigSchema.extend({
  /** Prefix of every Redis key and channel (empty in production; lets several stacks share a Redis). */
  REDIS_PREFIX: z.string().default(''),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().min(64 * 1024).max(64 * 1024 * 1024).default(2 * 1024 * 1024),
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: z.coerce.number().int().min(1).default(200),
});
export type CollabAppConfig = z.infer<typeof CollabAppConfigSchema>;

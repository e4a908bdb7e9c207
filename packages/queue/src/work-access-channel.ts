import { z } from 'zod';

/**
 * Redis pub/sub channel announcing that a user's access to a work changed (removed as a
 * collaborator, role lowered). Collab nodes close that user's open connections to the work;
 * the client reconnects and is authorized again with the new role (or refused).
 */
export const WORK_ACCESS_CHANNEL = 'collab:work-access';

export const WorkAccessChangedSchema = z.object({
  workId: z.number().int().positive(),
  userId: z.number().int().positive(),
  /** The new role, or null when the user is no longer a collaborator. */
  role: z.enum(['owner', 'editor', 'viewer']).nullable(),
});
export type WorkAccessChanged = z.infer<typeof WorkAccessChangedSchema>;

/** Anything that can publish: node-redis and ioredis clients both fit. */
export interface Publisher {
  publish(channel: string, message: string): Promise<unknown>;
}

/** Announces a change of a user's access to a work to every collab node. */
export async function publishWorkAccessChanged(
  redis: Publisher,
  message: WorkAccessChanged,
  prefix = '',
): Promise<void> {
  await redis.publish(
    prefix + WORK_ACCESS_CHANNEL,
    JSON.stringify(WorkAccessChangedSchema.parse(message)),
  );
}

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

/**
 * One entry of a user's inbox, stored before it is emitted live. `publicId` is the id clients see,
 * in the live event and in the inbox alike; it is shared by every recipient of one event (so one
 * broadcast serves them all) and unique per user, which makes storing it again a no-op.
 */
export const Notification = defineEntity({
  name: 'Notification',
  tableName: 'notifications',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    publicId: p.string().length(64),
    type: p.string().length(64),
    payload: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
    readAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['user', 'publicId'], name: 'notifications_user_public_id_unique' }],
  indexes: [{ properties: ['user', 'readAt'], name: 'notifications_user_read_at_index' }],
});
export type Notification = InferEntity<typeof Notification>;

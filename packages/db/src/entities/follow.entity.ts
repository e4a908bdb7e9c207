import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

/** One reader following one author: the author's publications reach the follower's feed and inbox. */
export const Follow = defineEntity({
  name: 'Follow',
  tableName: 'follows',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    follower: () => p.manyToOne(User).deleteRule('cascade'),
    followee: () => p.manyToOne(User).deleteRule('cascade'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['follower', 'followee'], name: 'follows_follower_followee_unique' }],
  // Fan-out walks an author's followers in follower-id order, a thousand at a time.
  indexes: [{ properties: ['followee', 'follower'], name: 'follows_followee_follower_index' }],
});
export type Follow = InferEntity<typeof Follow>;

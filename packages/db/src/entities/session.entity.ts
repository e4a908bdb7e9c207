import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

/**
 * One refresh token. Every refresh rotates it: the row is marked used and a new row joins the same
 * family (one family per sign-in). A used token presented again means it leaked, so the whole
 * family is revoked. Only the SHA-256 of the token is stored.
 */
export const Session = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    /** Shared by every rotation of one sign-in; the `sid` claim of its access tokens. */
    familyId: p.string().length(36).index(),
    tokenHash: p.string().length(64).unique(),
    expiresAt: p.datetime(),
    /** Set when the token was exchanged for the next one. */
    usedAt: p.datetime().nullable(),
    /** Set on logout, reuse detection or password change. */
    revokedAt: p.datetime().nullable(),
    userAgent: p.string().length(255).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Session = InferEntity<typeof Session>;

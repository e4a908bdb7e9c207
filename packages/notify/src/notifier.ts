import type { EntityManager } from '@mikro-orm/mysql';
import { Emitter } from '@socket.io/redis-emitter';
import {
  NOTIFICATION_EVENT,
  userRoom,
  type NotificationMessage,
  type NotificationType,
} from './notification.ts';

/** Anything that can publish a binary message: a connected node-redis client fits. */
export interface RedisPublisher {
  publish(channel: string, message: Buffer): Promise<unknown>;
}

export interface NotificationInput {
  /** Shared by all recipients of one event; storing the same id for a user again is a no-op. */
  id: string;
  type: NotificationType;
  payload: Record<string, unknown>;
  /** When it happened; defaults to now. Stored (and sent) to the second. */
  createdAt?: Date;
}

export interface NotifyOptions {
  /**
   * The caller knows no recipient can have this id yet (a fan-out job's first attempt with a
   * fresh event id): skip the look-up of who already has it. The unique (user, id) key still
   * keeps one row per user whatever happens.
   */
  firstAttempt?: boolean;
}

export interface Notifier {
  /**
   * Stores the notification for each user who does not have it yet, then emits it to their rooms.
   * Returns those users (the ones told now), so the caller can e-mail exactly them.
   */
  notify(
    em: EntityManager,
    userIds: readonly number[],
    input: NotificationInput,
    options?: NotifyOptions,
  ): Promise<number[]>;
  /** Emits without storing (progress ticks and other events the inbox need not keep). */
  emit(userIds: readonly number[], message: NotificationMessage): Promise<void>;
}

/** At most this many users per INSERT and per Redis message. */
export const NOTIFY_BATCH = 1000;

const toSqlDatetime = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

/** The users of `batch` who do not have notification `id` yet (a retry must not tell anyone twice). */
async function withoutHolders(
  em: EntityManager,
  id: string,
  batch: readonly number[],
): Promise<number[]> {
  const existing = await em.execute<{ user_id: number | string }[]>(
    `SELECT \`user_id\` FROM \`notifications\` WHERE \`public_id\` = ? AND \`user_id\` IN (${batch.map(() => '?').join(',')})`,
    [id, ...batch],
    'all',
  );
  const had = new Set(existing.map((row) => Number(row.user_id)));
  return batch.filter((userId) => !had.has(userId));
}

/**
 * The one way to tell users something: stores it in their inbox, then emits it through the
 * socket.io Redis adapter's channels (`key` is SOCKET_IO_REDIS_KEY), so whichever API node holds a
 * user's sockets delivers it. Workers and the API both use it.
 */
export function createNotifier(redis: RedisPublisher, key: string): Notifier {
  // The emitter publishes without awaiting; collect its publishes so callers see Redis failures.
  let published: Promise<unknown>[] = [];
  const sink = {
    publish(channel: string, message: Buffer) {
      const sent = redis.publish(channel, message);
      published.push(sent);
      return sent;
    },
  };
  const emitter = new Emitter(sink, { key });

  async function emit(userIds: readonly number[], message: NotificationMessage): Promise<void> {
    for (let i = 0; i < userIds.length; i += NOTIFY_BATCH) {
      // One Redis message for a whole batch of rooms: each node encodes the packet once for all its sockets.
      emitter
        .to(userIds.slice(i, i + NOTIFY_BATCH).map(userRoom))
        .emit(NOTIFICATION_EVENT, message);
    }
    const sends = published;
    published = [];
    await Promise.all(sends);
  }

  return {
    emit,
    async notify(em, userIds, input, options = {}) {
      const createdAt = new Date(
        Math.floor((input.createdAt ?? new Date()).getTime() / 1000) * 1000,
      );
      const payload = JSON.stringify(input.payload);
      const message: NotificationMessage = {
        id: input.id,
        type: input.type,
        payload: input.payload,
        createdAt: createdAt.toISOString(),
        readAt: null,
      };
      const told: number[] = [];
      for (let i = 0; i < userIds.length; i += NOTIFY_BATCH) {
        const batch = [...new Set(userIds.slice(i, i + NOTIFY_BATCH))];
        const fresh = options.firstAttempt ? batch : await withoutHolders(em, input.id, batch);
        if (fresh.length === 0) continue;
        // Another attempt racing this one may have stored some rows meanwhile: skip those, keep one row per user.
        // The batch's user ids travel as one JSON array (JSON_TABLE: MySQL 8, MariaDB 10.6) and the
        // payload once, not 1,000 times: a third cheaper for the server and far less for this process.
        await em.execute(
          'INSERT INTO `notifications` (`user_id`,`public_id`,`type`,`payload`,`created_at`) ' +
            "SELECT j.`user_id`, ?, ?, ?, ? FROM JSON_TABLE(?, '$[*]' COLUMNS (`user_id` BIGINT UNSIGNED PATH '$')) AS j" +
            ' ON DUPLICATE KEY UPDATE `notifications`.`id` = `notifications`.`id`',
          [input.id, input.type, payload, toSqlDatetime(createdAt), JSON.stringify(fresh)],
          'run',
        );
        told.push(...fresh);
        await emit(fresh, message);
      }
      return told;
    },
  };
}

// notifications.fanout against a real MySQL and Redis: every follower is stored and emitted once,
// deleted accounts are skipped, e-mail follows the preference, and a retry (whole or resumed from
// the saved cursor) stores and emits nothing twice.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Job } from 'bullmq';
import { User, Work, WorkCollaborator } from '@pluma/db';
import { createNotifier, newNotificationId } from '@pluma/notify';
import { createJobProducer, type JobProducer, type NotificationsFanoutJob } from '@pluma/queue';
import { connectRedis } from '@pluma/runtime';
import { createLogger } from '@pluma/telemetry/logger';
import {
  createTestDatabase,
  createTestUser,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
} from '@pluma/testing';
import { createFanoutHandler } from './notifications-fanout.handler.ts';

let db: TestDatabase;
let producer: JobProducer;
let redis: Awaited<ReturnType<typeof connectRedis>>;
let sub: Awaited<ReturnType<typeof connectRedis>>;
const prefix = testRedisPrefix('fanout');
const emitted: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase('fanout');
  producer = createJobProducer({ redisUrl: testRedisUrl(), prefix: `${prefix}bull` });
  redis = await connectRedis(testRedisUrl());
  sub = redis.duplicate();
  await sub.connect();
  await sub.pSubscribe(
    `${prefix}socket.io*`,
    (message: Buffer) => emitted.push(message.toString('latin1')),
    true,
  );
});
afterAll(async () => {
  await sub?.quit();
  await redis?.quit();
  await producer?.queue('email').obliterate({ force: true });
  await producer?.close();
  await db?.drop();
});

/** The parts of a BullMQ job the handler reads and writes; Redis and MySQL behind it are real. */
function jobOf(data: NotificationsFanoutJob, attemptsStarted: number) {
  const job = {
    id: `fanout-${data.eventId}`,
    timestamp: Date.now(),
    attemptsStarted,
    data,
    progress: {} as unknown,
  };
  return Object.assign(job, {
    updateData: async (next: NotificationsFanoutJob) => void (job.data = next),
    updateProgress: async (progress: unknown) => void (job.progress = progress),
  });
}

describe('notifications.fanout', () => {
  it('tells each live follower once, mails only those who want it, and a retry adds nothing', async () => {
    const em = db.orm.em.fork();
    const author = await createTestUser(db.orm, { handle: 'fan_author' });
    const followers = (
      await Promise.all(
        Array.from({ length: 7 }, (_, i) => createTestUser(db.orm, { handle: `fan_${i}` })),
      )
    ).sort((a, b) => a.id - b.id);
    const [gone, mailed] = [followers[2]!, followers[4]!];
    await em.nativeUpdate(User, { id: gone.id }, { deletedAt: new Date() });
    await em.nativeUpdate(
      User,
      { id: { $in: followers.map((f) => f.id) } },
      { emailOnNewPublication: false },
    );
    await em.nativeUpdate(User, { id: mailed.id }, { emailOnNewPublication: true });
    for (const f of followers)
      await em.execute(
        'INSERT INTO `follows` (`follower_id`,`followee_id`,`created_at`) VALUES (?,?,NOW())',
        [f.id, author.id],
      );
    const owner = em.getReference(User, author.id);
    const work = em.create(Work, { owner, title: 'Fanned', publishedAt: new Date() });
    em.create(WorkCollaborator, { work, user: owner, role: 'owner' });
    await em.flush();

    const notifier = createNotifier(redis, `${prefix}socket.io`);
    const handler = createFanoutHandler({
      orm: db.orm,
      notifier,
      jobs: producer,
      log: createLogger({ service: 'workers-test', level: 'silent' }),
      batchSize: 2,
    });
    const data: NotificationsFanoutJob = {
      event: 'work.published',
      eventId: newNotificationId(),
      authorId: author.id,
      workId: work.id,
      pageIds: [],
      cursor: 0,
      publishedAt: new Date().toISOString(),
    };
    const stored = async () =>
      (
        await em.execute<{ user_id: number | string }[]>(
          'SELECT `user_id` FROM `notifications` WHERE `public_id` = ? ORDER BY `user_id`',
          [data.eventId],
          'all',
        )
      ).map((r) => Number(r.user_id));
    const live = followers.filter((f) => f !== gone).map((f) => f.id);
    // Rooms travel as msgpack strings: a length byte, then the name.
    const room = (id: number) => String.fromCharCode(0xa0 + `user:${id}`.length) + `user:${id}`;
    const roomsEmitted = () =>
      emitted
        .filter((m) => m.includes(data.eventId))
        .flatMap((m) => followers.map((f) => f.id).filter((id) => m.includes(room(id))));

    // Job objects stand in for BullMQ's; the handler only reads data and attemptsStarted and saves its cursor.
    const first = jobOf(data, 1);
    expect(await handler(first as unknown as Job)).toEqual({
      notified: 6,
      cursor: followers.at(-1)!.id,
    });
    expect(first.data.cursor).toBe(followers.at(-1)!.id);
    expect(await stored()).toEqual(live);
    await vi.waitFor(() => expect(roomsEmitted().sort((a, b) => a - b)).toEqual(live));
    const mails = await producer
      .queue('email')
      .getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']);
    expect(mails.map((m) => m.id)).toEqual([`newpub-${data.eventId}-${mailed.id}`]);

    // The whole job again (a retry after a crash before it finished): nobody is told twice.
    expect(await handler(jobOf(data, 2) as unknown as Job)).toEqual({
      notified: 0,
      cursor: followers.at(-1)!.id,
    });
    // Resumed from a saved cursor after losing the last rows' batch: only those are told again.
    await em.execute('DELETE FROM `notifications` WHERE `public_id` = ? AND `user_id` > ?', [
      data.eventId,
      followers[5]!.id,
    ]);
    expect(
      await handler(jobOf({ ...data, cursor: followers[3]!.id }, 2) as unknown as Job),
    ).toEqual({ notified: 1, cursor: followers.at(-1)!.id });
    expect(await stored()).toEqual(live);
    await vi.waitFor(() => expect(roomsEmitted().length).toBe(live.length + 1));
    expect(
      (
        await producer
          .queue('email')
          .getJobs(['waiting', 'active', 'delayed', 'completed', 'failed'])
      ).length,
    ).toBe(1);
  });
});

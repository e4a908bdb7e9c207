// Following and notifications end to end: two API instances (each an HTTP server with the socket.io
// gateway on the Redis adapter) sharing Redis, the real workers process fanning out a publication,
// an SMTP catcher for the e-mails, MySQL and S3. Nothing mocked.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { revokeAccessToken, signAccessToken, verifyAccessToken } from '@pluma/auth';
import { User } from '@pluma/db';
import { createObjectStore } from '@pluma/storage';
import { createLogger } from '@pluma/telemetry/logger';
import type { NotificationMessage } from '@pluma/notify';
import {
  TEST_JWT_SECRET,
  createTestUser,
  startMailCatcher,
  type MailCatcher,
  type TestUser,
} from '@pluma/testing';
import { createApp } from '../../app.ts';
import { attachRealtimeGateway, type RealtimeGateway } from '../../realtime/realtime-gateway.ts';
import { startAccountsTestApp, type AccountsTestApp } from '../auth/accounts-test-app.ts';
import { startWorkersProcess, type WorkersProcess } from '../../test-support/workers-process.ts';

let t: AccountsTestApp;
let mail: MailCatcher;
let workers: WorkersProcess;
const nodes: { server: Server; gateway: RealtimeGateway; url: string }[] = [];
const sockets: Socket[] = [];

/** One more API node: the same deps (database, Redis, prefixes) behind its own HTTP server and gateway. */
async function startNode() {
  const app = createApp({
    config: t.config,
    log: createSilentLog(),
    orm: t.db.orm,
    redis: t.redis,
    storage: storageOf(),
    jobs: t.jobs,
    redisPrefix: t.redisPrefix,
  });
  const server = createServer(getRequestListener(app.fetch));
  const gateway = await attachRealtimeGateway(server, {
    config: t.config,
    log: createSilentLog(),
    orm: t.db.orm,
    redis: t.redis,
    storage: storageOf(),
    jobs: t.jobs,
    redisPrefix: t.redisPrefix,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const node = {
    server,
    gateway,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
  nodes.push(node);
  return node;
}

const createSilentLog = () => createLogger({ service: 'api', level: 'silent' });
const storageOf = () =>
  createObjectStore({
    endpoint: t.s3.endpoint,
    accessKey: t.s3.accessKey,
    secretKey: t.s3.secretKey,
    bucket: t.s3.bucket,
  });

/** A socket.io client on a node, collecting every notification it receives; resolves once connected (or rejects with connect_error). */
function openSocket(
  url: string,
  token: string | undefined,
): Promise<{ socket: Socket; received: NotificationMessage[] }> {
  const socket = connect(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    ...(token === undefined ? {} : { auth: { token } }),
  });
  sockets.push(socket);
  const received: NotificationMessage[] = [];
  socket.on('notification', (message: NotificationMessage) => received.push(message));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve({ socket, received }));
    socket.once('connect_error', (error) => reject(error));
  });
}

beforeAll(async () => {
  [t, mail] = await Promise.all([startAccountsTestApp('follows'), startMailCatcher({ port: 0 })]);
  workers = startWorkersProcess(t, mail);
  await startNode();
  await startNode();
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  for (const node of nodes) {
    await node.gateway.close();
    await new Promise((resolve) => node.server.close(resolve));
  }
  await workers?.stop();
  await mail?.stop();
  await t?.stop();
});

async function user(
  overrides: { emailOnNewFollower?: boolean; emailOnNewPublication?: boolean } = {},
): Promise<TestUser> {
  const created = await createTestUser(t.db.orm);
  if (Object.keys(overrides).length > 0)
    await t.db.orm.em.fork().nativeUpdate(User, { id: created.id }, overrides);
  return created;
}

async function json<T>(res: Response, status: number): Promise<T> {
  const body = await res.text();
  expect(res.status, body).toBe(status);
  return JSON.parse(body) as T;
}

function waitForMail(to: string, subject: RegExp) {
  return workers.waitForMail(to, subject);
}

async function publishWork(author: TestUser, title: string) {
  const work = await json<{ id: number }>(
    await t.call('POST', '/v1/works', { token: author.token, body: { title } }),
    201,
  );
  await json(
    await t.call('POST', `/v1/works/${work.id}/pages`, {
      token: author.token,
      body: { title: 'Chapter one' },
    }),
    201,
  );
  await json(await t.call('POST', `/v1/works/${work.id}/publish`, { token: author.token }), 200);
  return work.id;
}

describe('socket.io gateway', () => {
  it('refuses a socket without a token, with a bad one and with a revoked one', async () => {
    const node = nodes[0]!;
    await expect(openSocket(node.url, undefined)).rejects.toThrow('auth.unauthenticated');
    await expect(openSocket(node.url, 'not-a-jwt')).rejects.toThrow('auth.token_invalid');
    const reader = await user();
    const { token } = await signAccessToken(TEST_JWT_SECRET, reader.id);
    const { socket } = await openSocket(node.url, token);
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    await revokeAccessToken(
      t.redis,
      await verifyAccessToken(TEST_JWT_SECRET, token),
      t.redisPrefix,
    );
    await closed; // an open socket is closed when its token is revoked
    await expect(openSocket(nodes[1]!.url, token)).rejects.toThrow('auth.token_invalid');
  });
});

describe('following', () => {
  it('follows, refuses following yourself, is idempotent, unfollows, and lists both sides by cursor', async () => {
    const author = await user();
    const readers = await Promise.all([1, 2, 3].map(() => user()));
    await json(
      await t.call('POST', `/v1/users/${author.handle}/follow`, { token: author.token }),
      400,
    );
    await json(await t.call('POST', `/v1/users/${author.handle}/follow`), 401);
    await json(await t.call('POST', '/v1/users/nobody_here/follow', { token: author.token }), 404);
    for (const reader of readers)
      expect(
        await json(
          await t.call('POST', `/v1/users/${author.handle}/follow`, { token: reader.token }),
          201,
        ),
      ).toEqual({ handle: author.handle, following: true });
    await json(
      await t.call('POST', `/v1/users/${author.handle}/follow`, { token: readers[0]!.token }),
      200,
    );

    const first = await json<{ users: { handle: string }[]; nextCursor: string }>(
      await t.call('GET', `/v1/users/${author.handle}/followers?limit=2`),
      200,
    );
    expect(first.users.map((u) => u.handle)).toEqual([readers[2]!.handle, readers[1]!.handle]);
    const second = await json<{ users: { handle: string }[]; nextCursor: string | null }>(
      await t.call(
        'GET',
        `/v1/users/${author.handle}/followers?limit=2&cursor=${first.nextCursor}`,
      ),
      200,
    );
    expect(second).toMatchObject({ users: [{ handle: readers[0]!.handle }], nextCursor: null });
    expect(
      await json(await t.call('GET', `/v1/users/${readers[0]!.handle}/following`), 200),
    ).toMatchObject({ users: [{ handle: author.handle }], nextCursor: null });
    await json(await t.call('GET', `/v1/users/${author.handle}/followers?cursor=bad!`), 400);

    expect(
      await json(
        await t.call('DELETE', `/v1/users/${author.handle}/follow`, { token: readers[0]!.token }),
        200,
      ),
    ).toEqual({ handle: author.handle, following: false });
    await json(
      await t.call('DELETE', `/v1/users/${author.handle}/follow`, { token: readers[0]!.token }),
      200,
    );
    expect(
      await json(
        await t.call('GET', `/v1/users/${author.handle}/follow`, { token: readers[0]!.token }),
        200,
      ),
    ).toMatchObject({ following: false });
    expect(
      (
        await json<{ users: unknown[] }>(
          await t.call('GET', `/v1/users/${author.handle}/followers`),
          200,
        )
      ).users,
    ).toHaveLength(2);
  });

  it('tells the followed user live and in the inbox, and e-mails them unless they turned it off', async () => {
    const author = await user();
    const quiet = await user({ emailOnNewFollower: false });
    const reader = await user();
    const live = await openSocket(nodes[1]!.url, author.token);
    await json(
      await t.call('POST', `/v1/users/${author.handle}/follow`, { token: reader.token }),
      201,
    );
    await vi.waitFor(() => expect(live.received).toHaveLength(1));
    expect(live.received[0]).toMatchObject({
      type: 'follower.new',
      payload: { follower: { handle: reader.handle } },
      readAt: null,
    });
    const inbox = await json<{ notifications: NotificationMessage[]; unreadCount: number }>(
      await t.call('GET', '/v1/me/notifications', { token: author.token }),
      200,
    );
    expect(inbox.notifications).toEqual(live.received);
    expect(inbox.unreadCount).toBe(1);
    const caught = await waitForMail(`${author.handle}@example.test`, /now follows you/);
    expect(caught.text).toContain(`@${reader.handle}`);

    // Unfollow and follow again: no second notification or mail.
    await json(
      await t.call('DELETE', `/v1/users/${author.handle}/follow`, { token: reader.token }),
      200,
    );
    await json(
      await t.call('POST', `/v1/users/${author.handle}/follow`, { token: reader.token }),
      201,
    );
    await json(
      await t.call('POST', `/v1/users/${quiet.handle}/follow`, { token: reader.token }),
      201,
    );
    expect(
      (
        await json<{ notifications: unknown[] }>(
          await t.call('GET', '/v1/me/notifications', { token: quiet.token }),
          200,
        )
      ).notifications,
    ).toHaveLength(1);
    // Mail is asynchronous: send a marker mail after the quiet one would have been queued, then check it never came.
    const marker = await user();
    await json(
      await t.call('POST', `/v1/users/${marker.handle}/follow`, { token: reader.token }),
      201,
    );
    await waitForMail(`${marker.handle}@example.test`, /now follows you/);
    expect(mail.messages().filter((m) => m.to.includes(`${quiet.handle}@example.test`))).toEqual(
      [],
    );
    expect(
      mail.messages().filter((m) => m.to.includes(`${author.handle}@example.test`)),
    ).toHaveLength(1);
  });
});

describe('publication fan-out', () => {
  it('reaches followers on both API nodes through the workers, matches the inbox, fills the feed and mails', async () => {
    const author = await user();
    const [onA, onB, offline, mutedMail] = await Promise.all([
      user(),
      user(),
      user(),
      user({ emailOnNewPublication: false }),
    ]);
    for (const reader of [onA, onB, offline, mutedMail])
      await json(
        await t.call('POST', `/v1/users/${author.handle}/follow`, { token: reader.token }),
        201,
      );
    const a = await openSocket(nodes[0]!.url, onA.token);
    const b = await openSocket(nodes[1]!.url, onB.token);
    const authorSocket = await openSocket(nodes[0]!.url, author.token);

    const workId = await publishWork(author, 'The Quiet Orchard');
    await workers.explain(
      vi.waitFor(() => {
        expect(a.received).toHaveLength(1);
        expect(b.received).toHaveLength(1);
      }, 15_000),
    );
    const event = a.received[0]!;
    expect(event).toMatchObject({
      type: 'work.published',
      payload: {
        work: { id: workId, title: 'The Quiet Orchard' },
        author: { handle: author.handle },
      },
    });
    expect(b.received[0]).toEqual(event);
    // The author is not told about their own publication (only the earlier follower.new ones).
    expect(authorSocket.received.filter((m) => m.type === 'work.published')).toEqual([]);

    for (const reader of [onA, offline, mutedMail]) {
      const inbox = await json<{ notifications: NotificationMessage[] }>(
        await t.call('GET', '/v1/me/notifications?unread=true', { token: reader.token }),
        200,
      );
      expect(inbox.notifications).toEqual([event]);
    }
    const feed = await json<{ works: { id: number; owner: { handle: string } }[] }>(
      await t.call('GET', '/v1/me/feed', { token: offline.token }),
      200,
    );
    expect(feed.works).toMatchObject([{ id: workId, owner: { handle: author.handle } }]);
    await waitForMail(`${offline.handle}@example.test`, /The Quiet Orchard/);
    const marker = await user();
    await json(
      await t.call('POST', `/v1/users/${marker.handle}/follow`, { token: offline.token }),
      201,
    );
    await waitForMail(`${marker.handle}@example.test`, /now follows you/);
    expect(
      mail.messages().filter((m) => m.to.includes(`${mutedMail.handle}@example.test`)),
    ).toEqual([]);

    // Republishing with a new page announces the page; republishing unchanged announces nothing.
    await json(
      await t.call('POST', `/v1/works/${workId}/pages`, {
        token: author.token,
        body: { title: 'Chapter two' },
      }),
      201,
    );
    await json(await t.call('POST', `/v1/works/${workId}/publish`, { token: author.token }), 200);
    await vi.waitFor(
      () => expect(b.received.map((m) => m.type)).toEqual(['work.published', 'page.published']),
      15_000,
    );
    expect(b.received[1]!.payload).toMatchObject({ pages: [{ title: 'Chapter two' }] });
  });
});

describe('inbox', () => {
  it('pages by cursor, filters unread and marks read by id or all', async () => {
    const me = await user();
    const fans = await Promise.all([1, 2, 3].map(() => user()));
    for (const fan of fans)
      await json(await t.call('POST', `/v1/users/${me.handle}/follow`, { token: fan.token }), 201);
    const first = await json<{ notifications: NotificationMessage[]; nextCursor: string }>(
      await t.call('GET', '/v1/me/notifications?limit=2', { token: me.token }),
      200,
    );
    expect(
      first.notifications.map((n) => (n.payload.follower as { handle: string }).handle),
    ).toEqual([fans[2]!.handle, fans[1]!.handle]);
    const rest = await json<{ notifications: NotificationMessage[]; nextCursor: string | null }>(
      await t.call('GET', `/v1/me/notifications?limit=2&cursor=${first.nextCursor}`, {
        token: me.token,
      }),
      200,
    );
    expect(rest.notifications).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();

    expect(
      await json(
        await t.call('POST', '/v1/me/notifications/read', {
          token: me.token,
          body: { ids: [first.notifications[0]!.id] },
        }),
        200,
      ),
    ).toEqual({ marked: 1, unreadCount: 2 });
    const unread = await json<{ notifications: NotificationMessage[] }>(
      await t.call('GET', '/v1/me/notifications?unread=true', { token: me.token }),
      200,
    );
    expect(unread.notifications).toHaveLength(2);
    // Someone else's ids change nothing of theirs.
    const other = await user();
    expect(
      await json(
        await t.call('POST', '/v1/me/notifications/read', {
          token: other.token,
          body: { all: true },
        }),
        200,
      ),
    ).toEqual({ marked: 0, unreadCount: 0 });
    expect(
      await json(
        await t.call('POST', '/v1/me/notifications/read', { token: me.token, body: { all: true } }),
        200,
      ),
    ).toEqual({ marked: 2, unreadCount: 0 });
    await json(
      await t.call('POST', '/v1/me/notifications/read', { token: me.token, body: { ids: [] } }),
      400,
    );
    await json(await t.call('GET', '/v1/me/notifications'), 401);
  });
});

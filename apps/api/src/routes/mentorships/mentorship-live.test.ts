// Mentorship events end to end: an API node with its socket.io gateway, the real workers process
// sending e-mail to an SMTP catcher, MySQL, Redis and S3. The other party gets each event live, in
// the inbox (the same message) and by e-mail. Nothing mocked.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { User } from '@pluma/db';
import type { NotificationMessage } from '@pluma/notify';
import { createObjectStore } from '@pluma/storage';
import { createLogger } from '@pluma/telemetry/logger';
import { createTestUser, startMailCatcher, type MailCatcher, type TestUser } from '@pluma/testing';
import { createApp } from '../../app.ts';
import { attachRealtimeGateway, type RealtimeGateway } from '../../realtime/realtime-gateway.ts';
import {
  TEST_PUBLIC_URL,
  startAccountsTestApp,
  type AccountsTestApp,
} from '../auth/accounts-test-app.ts';
import { startWorkersProcess, type WorkersProcess } from '../../test-support/workers-process.ts';

let t: AccountsTestApp;
let mail: MailCatcher;
let workers: WorkersProcess;
let server: Server;
let gateway: RealtimeGateway;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  [t, mail] = await Promise.all([
    startAccountsTestApp('mentor-live'),
    startMailCatcher({ port: 0 }),
  ]);
  workers = startWorkersProcess(t, mail);
  const storage = createObjectStore({
    endpoint: t.s3.endpoint,
    accessKey: t.s3.accessKey,
    secretKey: t.s3.secretKey,
    bucket: t.s3.bucket,
  });
  const deps = {
    config: t.config,
    log: createLogger({ service: 'api', level: 'silent' }),
    orm: t.db.orm,
    redis: t.redis,
    storage,
    jobs: t.jobs,
    redisPrefix: t.redisPrefix,
  };
  server = createServer(getRequestListener(createApp(deps).fetch));
  gateway = await attachRealtimeGateway(server, deps);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await gateway?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
  await workers?.stop();
  await mail?.stop();
  await t?.stop();
});

/** A socket.io client collecting the notifications it receives; resolves once connected. */
function openSocket(token: string): Promise<NotificationMessage[]> {
  const socket = connect(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    auth: { token },
  });
  sockets.push(socket);
  const received: NotificationMessage[] = [];
  socket.on('notification', (message: NotificationMessage) => received.push(message));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(received));
    socket.once('connect_error', reject);
  });
}

async function person(
  profile: Partial<Pick<User, 'availableToMentor' | 'needsMentoring' | 'emailOnMentorship'>>,
): Promise<TestUser> {
  const user = await createTestUser(t.db.orm);
  await t.db.orm.em.fork().nativeUpdate(User, { id: user.id }, profile);
  return user;
}

async function inbox(who: TestUser): Promise<NotificationMessage[]> {
  const res = await t.call('GET', '/v1/me/notifications', { token: who.token });
  return ((await res.json()) as { notifications: NotificationMessage[] }).notifications;
}

function waitForMail(to: string, subject: RegExp) {
  return workers.waitForMail(to, subject);
}

describe('mentorship events, live and by e-mail', () => {
  it('tells the receiver of a request and the sender of its answer, live, in the inbox and by e-mail', async () => {
    const [mentor, mentee] = await Promise.all([
      person({ availableToMentor: true }),
      person({ needsMentoring: true }),
    ]);
    const [mentorLive, menteeLive] = await Promise.all([
      openSocket(mentor.token),
      openSocket(mentee.token),
    ]);
    const endDate = new Date(Date.now() + 10 * 7 * 24 * 3600 * 1000).toISOString();
    const res = await t.call('POST', '/v1/mentorships', {
      token: mentee.token,
      body: { mentorHandle: mentor.handle, endDate },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };

    await vi.waitFor(
      () => expect(mentorLive.map((n) => n.type)).toEqual(['mentorship.requested']),
      { timeout: 10_000 },
    );
    expect(await inbox(mentor)).toEqual(mentorLive);
    expect(mentorLive[0]?.payload).toMatchObject({
      mentorshipId: id,
      actor: { handle: mentee.handle },
    });
    const asked = await waitForMail(mentor.email, /asks you for a mentorship/);
    expect(asked.text).toContain(`${TEST_PUBLIC_URL}/mentorships/${id}`);

    expect(
      (await t.call('POST', `/v1/mentorships/${id}/accept`, { token: mentor.token })).status,
    ).toBe(200);
    await vi.waitFor(() => expect(menteeLive.map((n) => n.type)).toEqual(['mentorship.accepted']), {
      timeout: 10_000,
    });
    expect(await inbox(mentee)).toEqual(menteeLive);
    await waitForMail(mentee.email, /accepted your mentorship request/);
    // The actor is never told about their own action.
    expect(mentorLive).toHaveLength(1);
  });
});

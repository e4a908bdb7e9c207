// Mentorship events end to end: an API node with its socket.io gateway, the real workers process
// sending e-mail to an SMTP catcher, MySQL, Redis and S3. The other party gets each event live, in
// the inbox (the same message) and by e-mail. Nothing mocked.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { User } from '@pluma/db';
import type { NotificationMessage } from '@pluma/notify';
import { createObjectStore } from '@pluma/storage';
import { createLogger } from '@pluma/telemetry/logger';
import {
  createTestUser,
  startMailCatcher,
  testRedisUrl,
  type MailCatcher,
  type TestUser,
} from '@pluma/testing';
import { createApp } from '../../app.ts';
import { attachRealtimeGateway, type RealtimeGateway } from '../../realtime/realtime-gateway.ts';
import {
  TEST_PUBLIC_URL,
  startAccountsTestApp,
  type AccountsTestApp,
} from '../auth/accounts-test-app.ts';

const WORKERS_MAIN = fileURLToPath(new URL('../../../../workers/src/main.ts', import.meta.url));

let t: AccountsTestApp;
let mail: MailCatcher;
let workers: ChildProcess;
let workersStderr = '';
let server: Server;
let gateway: RealtimeGateway;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  [t, mail] = await Promise.all([
    startAccountsTestApp('mentor-live'),
    startMailCatcher({ port: 0 }),
  ]);
  workers = spawn(process.execPath, [WORKERS_MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      DATABASE_URL: t.db.url,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: t.redisPrefix,
      S3_ENDPOINT: t.s3.endpoint,
      S3_ACCESS_KEY: t.s3.accessKey,
      S3_SECRET_KEY: t.s3.secretKey,
      S3_BUCKET: t.s3.bucket,
      SMTP_URL: mail.url,
      MAIL_FROM: 'Pluma <no-reply@pluma.test>',
      PUBLIC_URL: TEST_PUBLIC_URL,
      QUEUE_PREFIX: t.queuePrefix,
      WORKERS_PORT: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  workers.stderr?.on('data', (d: Buffer) => (workersStderr += d.toString()));
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
  if (workers && workers.exitCode === null) {
    const exited = new Promise((resolve) => workers.once('exit', resolve));
    workers.kill('SIGTERM');
    await exited;
  }
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
  return mail
    .waitFor((m) => m.to.includes(to) && subject.test(m.subject), 15_000)
    .catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; workers stderr: ${workersStderr}`, {
        cause: error,
      });
    });
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

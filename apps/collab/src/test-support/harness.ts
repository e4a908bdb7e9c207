// Test support for apps/collab: a database and Redis prefix of the test file's own, seeded
// users and pages, collab servers on port 0 and real providers over real WebSockets.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { signAccessToken } from '@pluma/auth';
import { Page, User, Work, WorkCollaborator, type WorkRole } from '@pluma/db';
import { createJobProducer, enqueueSentimentScore, type JobProducer } from '@pluma/queue';
import { connectRedis, type Redis } from '@pluma/runtime';
import { createLogger } from '@pluma/telemetry/logger';
import {
  TEST_JWT_SECRET,
  createTestDatabase,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
} from '@pluma/testing';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { CollabDeps } from '../deps.ts';
import type { CollabOptions } from '../options.ts';
import { createCollabServer, type CollabServer } from '../server.ts';

export interface Seed {
  users: Record<'owner' | 'editor' | 'viewer' | 'stranger', number>;
  workId: number;
  pageIds: number[];
}

export interface RunningCollab {
  server: CollabServer;
  port: number;
  /** WebSocket URL of the node (the path the public origin routes here). */
  url: string;
  httpUrl: string;
}

export interface Harness {
  db: TestDatabase;
  redis: Redis;
  prefix: string;
  producer: JobProducer;
  seed: Seed;
  deps: CollabDeps;
  token(userId: number, ttlSeconds?: number): Promise<string>;
  start(options?: Partial<CollabOptions>): Promise<RunningCollab>;
  /** Adds a page to the seeded work. */
  addPage(): Promise<number>;
  setRole(userId: number, role: WorkRole | null): Promise<void>;
  close(): Promise<void>;
}

/** Creates a database, a Redis prefix and seed data for one test file. */
export async function createHarness(label: string): Promise<Harness> {
  const db = await createTestDatabase(label);
  const redis = await connectRedis(testRedisUrl());
  const prefix = testRedisPrefix(label);
  const producer = createJobProducer({ redisUrl: testRedisUrl(), prefix: `${prefix}bull` });
  const em = db.orm.em.fork();
  const make = (handle: string) =>
    em.create(User, {
      email: `${handle}@example.com`,
      handle,
      displayName: handle,
      passwordHash: 'x',
    });
  const owner = make('owner');
  const editor = make('editor');
  const viewer = make('viewer');
  const stranger = make('stranger');
  const work = em.create(Work, { owner, title: 'A work' });
  em.create(WorkCollaborator, { work, user: owner, role: 'owner' });
  em.create(WorkCollaborator, { work, user: editor, role: 'editor' });
  em.create(WorkCollaborator, { work, user: viewer, role: 'viewer' });
  const pages = [1, 2, 3].map((position) =>
    em.create(Page, { work, title: `Page ${position}`, position }),
  );
  await em.flush();
  const seed: Seed = {
    users: { owner: owner.id, editor: editor.id, viewer: viewer.id, stranger: stranger.id },
    workId: work.id,
    pageIds: pages.map((page) => page.id),
  };
  const log = createLogger({
    service: 'collab-test',
    level:
      process.env.TEST_LOG_LEVEL === undefined ? 'silent' : (process.env.TEST_LOG_LEVEL as 'info'),
  });
  const deps: CollabDeps = {
    log,
    orm: db.orm,
    redis,
    redisUrl: testRedisUrl(),
    redisPrefix: prefix,
    jwtSecret: TEST_JWT_SECRET,
    jobs: { enqueueSentimentScore: (pageId) => enqueueSentimentScore(producer, pageId) },
  };
  const servers: CollabServer[] = [];
  return {
    db,
    redis,
    prefix,
    producer,
    seed,
    deps,
    async token(userId, ttlSeconds = 900) {
      return (await signAccessToken(TEST_JWT_SECRET, userId, ttlSeconds)).token;
    },
    async start(options = {}) {
      const server = await createCollabServer(deps, { redisDisconnectDelayMs: 50, ...options });
      servers.push(server);
      const port = await server.listen(0, '127.0.0.1');
      return {
        server,
        port,
        url: `ws://127.0.0.1:${port}/collab`,
        httpUrl: `http://127.0.0.1:${port}`,
      };
    },
    async addPage() {
      const fork = db.orm.em.fork();
      const page = fork.create(Page, {
        work: fork.getReference(Work, seed.workId),
        title: 'Another page',
      });
      await fork.flush();
      return page.id;
    },
    async setRole(userId, role) {
      const fork = db.orm.em.fork();
      if (role === null) {
        await fork.nativeDelete(WorkCollaborator, { work: seed.workId, user: userId });
      } else if (
        (await fork.nativeUpdate(
          WorkCollaborator,
          { work: seed.workId, user: userId },
          { role },
        )) === 0
      ) {
        fork.create(WorkCollaborator, {
          work: fork.getReference(Work, seed.workId),
          user: fork.getReference(User, userId),
          role,
        });
        await fork.flush();
      }
    },
    async close() {
      await Promise.all(servers.map((server) => server.close()));
      await producer
        .queue('sentiment')
        .obliterate({ force: true })
        .catch(() => undefined);
      await producer.close();
      for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
        if (keys.length > 0) await redis.del(keys);
      }
      await redis.close();
      await db.drop();
    },
  };
}

export interface TestClient {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Reasons of authenticationFailed events. */
  refusals: string[];
  /** Close codes of the socket, in order. */
  closes: number[];
  synced(): boolean;
  destroy(): void;
}

/** A HocuspocusProvider over a real WebSocket (from `ws`), reconnecting quickly. */
export function connectClient(
  url: string,
  documentName: string,
  token: string | (() => Promise<string>),
  doc = new Y.Doc(),
): TestClient {
  const refusals: string[] = [];
  const closes: number[] = [];
  let isSynced = false;
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 500,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentName,
    document: doc,
    token,
    onSynced: ({ state }) => {
      isSynced = state;
    },
    onAuthenticationFailed: ({ reason }) => {
      refusals.push(reason);
    },
    onClose: ({ event }) => {
      closes.push(event.code);
    },
  });
  provider.attach();
  return {
    provider,
    doc,
    refusals,
    closes,
    synced: () => isSynced && provider.isSynced,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

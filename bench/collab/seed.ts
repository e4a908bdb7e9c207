import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { signAccessToken } from '@pluma/auth';
import {
  Page,
  User,
  Work,
  WorkCollaborator,
  createOrm,
  migrate,
  parseDatabaseUrl,
} from '@pluma/db';

export interface BenchDatabase {
  url: string;
  name: string;
  jwtSecret: string;
  /** Access tokens of editors (each a WorkCollaborator of the bench work), one per user. */
  tokens: string[];
  /** Page ids, all in the bench work. */
  pageIds: number[];
  drop(): Promise<void>;
}

async function adminConnection(url: string): Promise<mysql.Connection> {
  const endpoint = parseDatabaseUrl(url);
  return mysql.createConnection({
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.user,
    ...(endpoint.password === undefined ? {} : { password: endpoint.password }),
  });
}

/**
 * Creates a database of the bench's own, migrated with Pluma's migrations, holding one work
 * with `users` editors (the first its owner) and `pages` pages; signs an access token per user.
 */
export async function createBenchDatabase(
  baseUrl: string,
  users: number,
  pages: number,
): Promise<BenchDatabase> {
  const name = `pluma_bench_${randomBytes(3).toString('hex')}`;
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const jwtSecret = randomBytes(32).toString('hex');

  const orm = await createOrm({ url: databaseUrl, poolMax: 4 });
  const drop = async () => {
    const connection = await adminConnection(databaseUrl);
    try {
      await connection.query(`DROP DATABASE IF EXISTS ${mysql.escapeId(name)}`);
    } finally {
      await connection.end();
    }
  };
  try {
    await migrate(orm, databaseUrl);
    const em = orm.em.fork();
    const people = Array.from({ length: users }, (_, i) =>
      em.create(User, {
        email: `bench-${i}@bench.invalid`,
        handle: `bench${i}`,
        displayName: `Bench editor ${i}`,
        passwordHash: 'x',
      }),
    );
    const owner = people[0] as User;
    const work = em.create(Work, { owner, title: 'Collab bench' });
    people.forEach((user, i) =>
      em.create(WorkCollaborator, { work, user, role: i === 0 ? 'owner' : 'editor' }),
    );
    const created = Array.from({ length: pages }, (_, i) =>
      em.create(Page, { work, title: `Page ${i}`, position: i }),
    );
    await em.flush();
    const tokens = await Promise.all(
      people.map(async (user) => (await signAccessToken(jwtSecret, user.id, 6 * 3600)).token),
    );
    return {
      url: databaseUrl,
      name,
      jwtSecret,
      tokens,
      pageIds: created.map((page) => page.id),
      drop,
    };
  } catch (error) {
    await orm.close(true);
    await drop().catch(() => undefined);
    throw error;
  } finally {
    await orm.close(true).catch(() => undefined);
  }
}

import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createOrm, migrate, parseDatabaseUrl, type MikroORM } from '@pluma/db';
import { testDatabaseBaseUrl } from './test-env.ts';

export interface TestDatabase {
  /** URL of this test's own database. */
  url: string;
  name: string;
  orm: MikroORM;
  /** Closes the ORM and drops the database. */
  drop(): Promise<void>;
}

/** Creates a fresh, migrated database for one test file, dropped afterwards. */
export async function createTestDatabase(label = 't'): Promise<TestDatabase> {
  const base = new URL(testDatabaseBaseUrl());
  const name = `pluma_${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  base.pathname = `/${name}`;
  const url = base.toString();
  const orm = await createOrm({ url, poolMax: 5 });
  await migrate(orm, url);
  return {
    url,
    name,
    orm,
    async drop() {
      await orm.close(true);
      const endpoint = parseDatabaseUrl(url);
      const connection = await mysql.createConnection({
        host: endpoint.host,
        port: endpoint.port,
        user: endpoint.user,
        ...(endpoint.password === undefined ? {} : { password: endpoint.password }),
      });
      await connection.query(`DROP DATABASE IF EXISTS ${mysql.escapeId(name)}`);
      await connection.end();
    },
  };
}

import { MikroORM, MySqlDriver, type Options } from '@mikro-orm/mysql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities/index.ts';
import { migrationsList } from './migrations/index.ts';

export interface DbOptions {
  /** mysql://user:password@host:port/database — the read-write endpoint (MySQL Router's RW port). */
  url: string;
  /** Optional read-only endpoint (MySQL Router's RO port), used for reads outside transactions. */
  readUrl?: string | undefined;
  poolMax?: number;
  debug?: boolean;
}

interface Endpoint {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  dbName: string;
}

/** Splits a mysql:// URL into connection fields (user and password URL-decoded). */
export function parseDatabaseUrl(url: string): Endpoint {
  const parsed = new URL(url);
  const dbName = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username) || 'root',
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    dbName: dbName || 'pluma',
  };
}

/** The MikroORM options Pluma runs with; the same for apps, tests and the migration command. */
export function createOrmOptions(options: DbOptions): Options {
  const primary = parseDatabaseUrl(options.url);
  const replica = options.readUrl ? parseDatabaseUrl(options.readUrl) : undefined;
  return {
    driver: MySqlDriver,
    host: primary.host,
    port: primary.port,
    user: primary.user,
    ...(primary.password === undefined ? {} : { password: primary.password }),
    dbName: primary.dbName,
    entities,
    extensions: [Migrator],
    charset: 'utf8mb4',
    collate: 'utf8mb4_unicode_ci',
    forceUtcTimezone: true,
    timezone: '+00:00',
    allowGlobalContext: false,
    debug: options.debug ?? false,
    pool: { min: 0, max: options.poolMax ?? 10 },
    driverOptions: { connectTimeout: 5000 },
    ...(replica
      ? {
          replicas: [
            {
              name: 'read',
              host: replica.host,
              port: replica.port,
              user: replica.user,
              ...(replica.password === undefined ? {} : { password: replica.password }),
            },
          ],
        }
      : {}),
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      // New migrations are computed against the committed snapshot, not the live server,
      // so MariaDB (local) and MySQL 8 (production) share one migration history.
      snapshot: true,
      snapshotName: '.snapshot',
      snapshotOnMigrate: false,
      path: new URL('./migrations', import.meta.url).pathname,
      pathTs: new URL('./migrations', import.meta.url).pathname,
      emit: 'ts',
      silent: true,
    },
  };
}

/** Creates the ORM (connecting lazily); fork its `em` per request or job. */
export async function createOrm(options: DbOptions): Promise<MikroORM> {
  return MikroORM.init(createOrmOptions(options));
}

export type { MikroORM };

import type { MikroORM } from '@mikro-orm/mysql';
import { toDatabaseStartupError } from './connect-error.ts';

/** Runs `SELECT 1` on the primary (and a replica if configured); used by /readyz. */
export async function pingDatabase(orm: MikroORM): Promise<void> {
  await orm.em.getConnection('write').execute('SELECT 1');
}

/** Fails start-up fast, naming DATABASE_URL, when the server cannot be reached. */
export async function assertDatabaseReachable(orm: MikroORM, url: string): Promise<void> {
  try {
    await pingDatabase(orm);
  } catch (error) {
    throw toDatabaseStartupError(error, url);
  }
}

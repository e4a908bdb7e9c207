import mysql from 'mysql2/promise';
import type { MikroORM } from '@mikro-orm/mysql';
import { toDatabaseStartupError } from './connect-error.ts';
import { parseDatabaseUrl } from './orm.ts';

const LOCK_NAME = 'pluma_migrations';

/**
 * Creates the database if missing, then applies pending migrations. Several processes
 * may start at once, so the run holds a MySQL named lock: one migrates, the others wait.
 */
export async function migrate(orm: MikroORM, url: string): Promise<string[]> {
  const endpoint = parseDatabaseUrl(url);
  let connection: mysql.Connection;
  try {
    connection = await mysql.createConnection({
      host: endpoint.host,
      port: endpoint.port,
      user: endpoint.user,
      ...(endpoint.password === undefined ? {} : { password: endpoint.password }),
      connectTimeout: 5000,
    });
  } catch (error) {
    throw toDatabaseStartupError(error, url);
  }
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS ${mysql.escapeId(endpoint.dbName)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const [rows] = await connection.query('SELECT GET_LOCK(?, 120) AS locked', [LOCK_NAME]);
    if ((rows as { locked: number }[])[0]?.locked !== 1) {
      throw new Error('timed out waiting for another process to finish migrating');
    }
    try {
      const applied = await orm.migrator.up();
      return applied.map((m) => m.name);
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await connection.end();
  }
}

// Discovers or starts every server Pluma depends on, shared by `npm start` and `npm test`:
// what the environment configures is used as is; anything else is found on its default local
// address or started here (MariaDB/MySQL and Redis from PATH, S3 and SMTP embedded).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureMysql,
  ensureRedis,
  isPortAnswering,
  startEmbeddedS3,
  startMailCatcher,
  type MailCatcher,
} from '@pluma/devstack';

export interface LocalStack {
  /** Variables to hand to every app and test process. */
  env: Record<string, string>;
  /** One line per service saying where it is and how it was found. */
  describe(): string[];
  mail: MailCatcher | undefined;
  stop(): Promise<void>;
}

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const DATA_DIR = join(ROOT, '.data');

/** Loads `.env` from the project root, without overriding variables already set. */
export function loadDotEnv(): void {
  const file = join(ROOT, '.env');
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    const [, key, raw] = match;
    if (key && process.env[key] === undefined)
      process.env[key] = (raw ?? '').replace(/^(['"])(.*)\1$/, '$2');
  }
}

async function freePortOr(preferred: number): Promise<number> {
  return (await isPortAnswering('127.0.0.1', preferred)) ? 0 : preferred;
}

/** A JWT secret kept under .data/ so tokens survive restarts when JWT_SECRET is not configured. */
async function localJwtSecret(): Promise<string> {
  const file = join(DATA_DIR, 'jwt-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('hex');
    await mkdir(DATA_DIR, { recursive: true });
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

export async function startLocalStack(options: { forTests: boolean }): Promise<LocalStack> {
  const env: Record<string, string> = {};
  const lines: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  let mail: MailCatcher | undefined;
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const mysql = await ensureMysql(process.env.DATABASE_URL || undefined, join(DATA_DIR, 'mysql'));
    if (mysql.process) stops.push(() => mysql.process!.stop());
    env.DATABASE_URL = mysql.url;
    lines.push(
      `MySQL       ${mysql.source === 'configured' ? 'DATABASE_URL' : mysql.source === 'running' ? 'running at 127.0.0.1:3306' : 'started from PATH, data in .data/mysql'}`,
    );

    const redis = await ensureRedis(process.env.REDIS_URL || undefined, join(DATA_DIR, 'redis'));
    if (redis.process) stops.push(() => redis.process!.stop());
    env.REDIS_URL = redis.url;
    lines.push(
      `Redis       ${redis.source === 'configured' ? 'REDIS_URL' : redis.source === 'running' ? 'running at 127.0.0.1:6379' : 'started from PATH, data in .data/redis'}`,
    );

    const bucket = process.env.S3_BUCKET || 'pluma';
    env.S3_BUCKET = bucket;
    if (process.env.S3_ENDPOINT) {
      lines.push('S3          S3_ENDPOINT');
    } else {
      const directory = options.forTests
        ? await mkdtemp(join(tmpdir(), 'pluma-s3-'))
        : join(DATA_DIR, 's3');
      const s3 = await startEmbeddedS3({
        port: options.forTests ? 0 : await freePortOr(9000),
        directory,
        bucket,
      });
      stops.push(async () => {
        await s3.stop();
        if (options.forTests) await rm(directory, { recursive: true, force: true });
      });
      Object.assign(env, {
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY: s3.accessKey,
        S3_SECRET_KEY: s3.secretKey,
      });
      lines.push(
        `S3          embedded s3rver at ${s3.endpoint}${options.forTests ? '' : ', data in .data/s3'}`,
      );
    }

    if (process.env.SMTP_URL) {
      lines.push('SMTP        SMTP_URL');
    } else {
      mail = await startMailCatcher({
        port: options.forTests ? 0 : await freePortOr(1025),
        ...(options.forTests ? {} : { directory: join(DATA_DIR, 'mail') }),
      });
      stops.push(() => mail!.stop());
      env.SMTP_URL = mail.url;
      lines.push(
        `SMTP        embedded catcher at ${mail.url}${options.forTests ? '' : ', inbox at /_dev/mail and .data/mail/*.eml'}`,
      );
    }
    env.MAIL_FROM = process.env.MAIL_FROM || 'Pluma <no-reply@pluma.localhost>';
    env.JWT_SECRET = process.env.JWT_SECRET || (await localJwtSecret());
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { env, describe: () => lines, mail, stop: stopAll };
}

// The real workers process (`node apps/workers/src/main.ts`) as a child of an API test, wired to
// the test's own database, Redis prefixes, bucket and SMTP catcher. Spawned, never imported:
// apps do not import each other.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testRedisUrl, type CaughtMail, type MailCatcher } from '@pluma/testing';
import { TEST_PUBLIC_URL, type AccountsTestApp } from '../routes/auth/accounts-test-app.ts';

const WORKERS_MAIN = fileURLToPath(new URL('../../../workers/src/main.ts', import.meta.url));

export interface WorkersProcess {
  /** Re-throws a failed wait with what the workers printed on stderr, so a failure explains itself. */
  explain<T>(wait: Promise<T>): Promise<T>;
  /** The first mail to `to` whose subject matches, within 15 s. */
  waitForMail(to: string, subject: RegExp): Promise<CaughtMail>;
  /** SIGTERM, resolved when the process has exited. */
  stop(): Promise<void>;
}

export function startWorkersProcess(t: AccountsTestApp, mail: MailCatcher): WorkersProcess {
  const child = spawn(process.execPath, [WORKERS_MAIN], {
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
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const explain = <T>(wait: Promise<T>) =>
    wait.catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; workers stderr: ${stderr}`, { cause: error });
    });
  return {
    explain,
    waitForMail: (to, subject) =>
      explain(mail.waitFor((m) => m.to.includes(to) && subject.test(m.subject), 15_000)),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

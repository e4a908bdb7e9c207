// The real workers process killed (SIGKILL) in the middle of a 200,000-row file and started again:
// the job resumes after its last committed batch and every valid row ends up in the table exactly once.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Upload } from '@pluma/db';
import { startMailCatcher, testRedisUrl, type MailCatcher } from '@pluma/testing';
import { expectIngest } from './test-support/expected-ingest.ts';
import {
  countRows,
  startIngestHarness,
  type IngestHarness,
} from './test-support/ingest-harness.ts';

const MAIN = fileURLToPath(new URL('../../main.ts', import.meta.url));
const GENERATOR = fileURLToPath(
  new URL('../../../../../bench/ingest/gen-employment.mjs', import.meta.url),
);
const ROWS = 200_000;

describe('csv.ingest after a crash', () => {
  let h: IngestHarness;
  let mail: MailCatcher;
  let dir: string;
  const children: ChildProcess[] = [];

  function startWorkers(): ChildProcess {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'silent',
        DATABASE_URL: h.db.url,
        MIGRATE_ON_START: 'false',
        REDIS_URL: testRedisUrl(),
        QUEUE_PREFIX: h.prefix,
        S3_ENDPOINT: h.s3.endpoint,
        S3_ACCESS_KEY: h.s3.accessKey,
        S3_SECRET_KEY: h.s3.secretKey,
        S3_BUCKET: h.s3.bucket,
        SMTP_URL: mail.url,
        MAIL_FROM: 'Pluma <no-reply@pluma.test>',
        WORKERS_PORT: '0',
        // A dead worker's job is taken up again after ~2 s instead of 30 s.
        INGEST_LOCK_MS: '2000',
      },
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    h = await startIngestHarness('ingestcrash');
    mail = await startMailCatcher({ port: 0 });
    dir = await mkdtemp(join(tmpdir(), 'pluma-ingest-'));
    const gen = spawnSync(process.execPath, [GENERATOR, dir, String(ROWS), '11', '3']);
    expect(gen.status).toBe(0);
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await mail?.stop();
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'ends with every valid row exactly once when the worker is killed between 20% and 80%',
    { timeout: 60_000 },
    async () => {
      const read = (name: string) => readFile(join(dir, `${name}.csv`));
      const first = startWorkers();
      for (const dataset of ['departments', 'jobs']) {
        expect((await h.settled(await h.upload(dataset, await read(dataset)))).status).toBe(
          'succeeded',
        );
      }
      const file = await read('hired_employees');
      const expected = expectIngest(
        file.toString('utf8'),
        'hired_employees',
        new Set(Array.from({ length: 12 }, (_, i) => i + 1)),
        new Set(Array.from({ length: 183 }, (_, i) => i + 1)),
      );
      const totalBatches = ROWS / 1000;

      const uploadId = await h.upload('hired_employees', file);
      const em = h.db.orm.em.fork();
      const committed = async () => {
        const [row] = await em.execute<{ n: number }[]>(
          'SELECT COUNT(*) AS n FROM upload_batches WHERE upload_id = ?',
          [uploadId],
        );
        return Number(row?.n ?? 0);
      };
      const atKill = await vi.waitFor(
        async () => {
          const n = await committed();
          if (n < totalBatches * 0.2) throw new Error(`only ${n} batches committed`);
          first.kill('SIGKILL');
          return n;
        },
        { timeout: 30_000, interval: 10 },
      );
      expect(atKill).toBeLessThan(totalBatches * 0.8);
      await new Promise((resolve) =>
        first.exitCode !== null || first.signalCode !== null
          ? resolve(null)
          : first.once('exit', resolve),
      );
      const stopped = await h.db.orm.em.fork().findOneOrFail(Upload, uploadId);
      expect(stopped.status).toBe('processing');
      expect(await committed()).toBeLessThan(totalBatches);

      const second = startWorkers();
      const upload = await h.settled(uploadId, 45_000);
      second.kill('SIGTERM');

      expect(upload).toMatchObject({
        status: 'succeeded',
        rowsRead: ROWS,
        rowsInserted: expected.inserted,
        rowsRejected: expected.rejected,
      });
      expect(await committed()).toBe(totalBatches);
      expect(await countRows(h.db.orm, 'hired_employees')).toBe(expected.inserted);
      const [sums] = await h.db.orm.em
        .fork()
        .execute<{ ids: string; depts: string }[]>(
          'SELECT SUM(id) AS ids, SUM(department_id) AS depts FROM hired_employees',
        );
      const expectedIds = [...expected.rows.keys()].reduce((a, b) => a + b, 0);
      const expectedDepts = [...expected.rows.values()].reduce((a, r) => a + Number(r[2]), 0);
      expect([Number(sums?.ids), Number(sums?.depts)]).toEqual([expectedIds, expectedDepts]);
      const [rejections] = await h.db.orm.em
        .fork()
        .execute<{ n: number }[]>(
          'SELECT COUNT(*) AS n FROM upload_rejections WHERE upload_id = ?',
          [uploadId],
        );
      expect(Number(rejections?.n)).toBe(expected.rejected);
    },
  );
});

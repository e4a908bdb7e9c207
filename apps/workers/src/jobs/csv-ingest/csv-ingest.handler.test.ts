// csv.ingest against real MySQL, Redis and an S3-compatible server: the fixture files give exactly
// the counts an independent reading of the rules expects, garbage fails cleanly, re-uploads update.
import { readFile } from 'node:fs/promises';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@pluma/telemetry/logger';
import { testRedisUrl } from '@pluma/testing';
import { createCsvIngestWorker } from './csv-ingest.worker.ts';
import { noIngestEvents } from './ingest-events.ts';
import { expectIngest } from './test-support/expected-ingest.ts';
import {
  countRows,
  startIngestHarness,
  type IngestHarness,
} from './test-support/ingest-harness.ts';

const fixture = (name: string) =>
  readFile(new URL(`./test-support/fixtures/${name}.csv`, import.meta.url), 'utf8');
const log = createLogger({ service: 'workers', level: 'silent' });

describe('csv.ingest', () => {
  let h: IngestHarness;
  let worker: Worker;

  beforeAll(async () => {
    h = await startIngestHarness('ingest');
    worker = createCsvIngestWorker(
      { orm: h.db.orm, storage: h.storage, log, jobs: h.jobs, events: noIngestEvents, parallel: 3 },
      { redisUrl: testRedisUrl(), prefix: h.prefix, concurrency: 1, lockMs: 30_000 },
    );
  });
  afterAll(async () => {
    await worker?.close();
    await h?.close();
  });

  it('ingests the three fixture files with exactly the expected inserted and rejected rows', async () => {
    const texts = {
      departments: await fixture('departments'),
      jobs: await fixture('jobs'),
      hired_employees: await fixture('hired_employees'),
    };
    const departments = expectIngest(texts.departments, 'departments');
    const jobs = expectIngest(texts.jobs, 'jobs');
    const hired = expectIngest(
      texts.hired_employees,
      'hired_employees',
      new Set(departments.rows.keys()),
      new Set(jobs.rows.keys()),
    );
    expect(hired.rejected).toBeGreaterThan(0);

    for (const [dataset, expected] of [
      ['departments', departments],
      ['jobs', jobs],
      ['hired_employees', hired],
    ] as const) {
      const upload = await h.settled(await h.upload(dataset, texts[dataset]));
      expect(upload, dataset).toMatchObject({
        status: 'succeeded',
        progress: 100,
        rowsRead: expected.inserted + expected.rejected,
        rowsInserted: expected.inserted,
        rowsRejected: expected.rejected,
        failureReason: null,
      });
      expect(await countRows(h.db.orm, dataset)).toBe(expected.inserted);
      const rejections = await h.db.orm.em
        .fork()
        .execute<{ line: number }[]>(
          'SELECT `line` FROM `upload_rejections` WHERE `upload_id` = ? ORDER BY `line`',
          [upload.id],
        );
      expect(rejections.map((r) => Number(r.line))).toEqual(expected.rejectedLines);
    }

    // The stored rows are the expected ones, field by field.
    const stored = await h.db.orm.em
      .fork()
      .execute<{ id: number; name: string; dt: string; d: number; j: number }[]>(
        "SELECT id, name, DATE_FORMAT(`datetime`, '%Y-%m-%d %H:%i:%s') AS dt, department_id AS d, job_id AS j FROM hired_employees",
      );
    expect(
      new Map(stored.map((r) => [Number(r.id), [r.name, r.dt, String(r.d), String(r.j)]])),
    ).toEqual(hired.rows);

    // The uploader gets one result e-mail per upload (queued just after the upload is marked done).
    await vi.waitFor(async () => {
      const mails = await h.jobs.queue('email').getJobs(['waiting', 'delayed', 'completed']);
      expect(
        mails.filter((m) => m.data.kind === 'ingestion-result' && m.data.to === h.user.email),
      ).toHaveLength(3);
    });
  });

  it('records each rejected row with its line, reason and the row as written', async () => {
    const csv = [
      '9001,"Okafor, Ngozi",2021-02-03T04:05:06Z,1,1',
      '9002,Ana,2021-02-30T00:00:00Z,1,1',
      '9003,,2021-02-03T04:05:06Z,1,1',
      '9004,Bo,2021-02-03T04:05:06Z,999,1',
      '9001,Again,2021-02-03T04:05:06Z,1,1',
      '9005,Cy,2021-02-03T04:05:06Z',
      '9006,Di,yesterday,1,1',
    ].join('\r\n');
    const upload = await h.settled(await h.upload('hired_employees', `\uFEFF${csv}\r\n`));
    expect(upload).toMatchObject({
      status: 'succeeded',
      rowsRead: 7,
      rowsInserted: 1,
      rowsRejected: 6,
    });
    const rows = await h.db.orm.em
      .fork()
      .execute<{ line: number; reason: string; raw: string }[]>(
        'SELECT `line`, `reason`, `raw` FROM `upload_rejections` WHERE `upload_id` = ? ORDER BY `line`',
        [upload.id],
      );
    expect(rows.map((r) => [Number(r.line), r.reason, r.raw])).toEqual([
      [
        2,
        'datetime is not a real date and time: "2021-02-30T00:00:00Z"',
        '9002,Ana,2021-02-30T00:00:00Z,1,1',
      ],
      [3, 'name is missing', '9003,,2021-02-03T04:05:06Z,1,1'],
      [
        4,
        'department_id 999 does not exist; upload departments first',
        '9004,Bo,2021-02-03T04:05:06Z,999,1',
      ],
      [
        5,
        'id 9001 is already used by an earlier row of this upload',
        '9001,Again,2021-02-03T04:05:06Z,1,1',
      ],
      [6, 'expected 5 fields, found 3', '9005,Cy,2021-02-03T04:05:06Z'],
      [
        7,
        'datetime must be ISO 8601 in UTC like 2021-07-27T16:02:08Z, got "yesterday"',
        '9006,Di,yesterday,1,1',
      ],
    ]);
    const [row] = await h.db.orm.em
      .fork()
      .execute<{ name: string }[]>('SELECT name FROM hired_employees WHERE id = 9001');
    expect(row?.name).toBe('Okafor, Ngozi');
  });

  it('updates the stored rows when a file with the same ids is uploaded again', async () => {
    const before = await countRows(h.db.orm, 'departments');
    const upload = await h.settled(await h.upload('departments', '1,Product\n2,Sales & Growth\n'));
    expect(upload).toMatchObject({ status: 'succeeded', rowsInserted: 2, rowsRejected: 0 });
    expect(await countRows(h.db.orm, 'departments')).toBe(before);
    const rows = await h.db.orm.em
      .fork()
      .execute<{ department: string }[]>(
        'SELECT department FROM departments WHERE id IN (1, 2) ORDER BY id',
      );
    expect(rows.map((r) => r.department)).toEqual(['Product', 'Sales & Growth']);
  });

  describe('garbage fails cleanly, with a reason and nothing inserted', () => {
    const cases: [string, Buffer | string, RegExp][] = [
      ['an empty file', '', /The file is empty/],
      ['blank lines only', '\n\n\r\n', /The file has no rows/],
      [
        'a binary file',
        Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)),
        /not a CSV text file: it contains NUL bytes/,
      ],
      [
        'a Latin-1 file',
        Buffer.from('77,Jos\xe9 Garc\xeda,2021-01-01T00:00:00Z,1,1\n', 'latin1'),
        /not UTF-8 text/,
      ],
      [
        'a wrong column count on every line',
        Array.from({ length: 500 }, (_, i) => `${i + 50000},a,b\n`).join(''),
        /None of the first 100 rows is a valid hired_employees row \(line 1: expected 5 fields, found 3\)/,
      ],
      [
        'only bad rows among the first 100 (good ones later)',
        Array.from({ length: 300 }, (_, i) =>
          i < 100 ? `${i + 60000}\n` : `${i + 60000},Ok,2021-01-01T00:00:00Z,1,1\n`,
        ).join(''),
        /None of the first 100 rows/,
      ],
    ];
    it.each(cases)('%s', async (_label, content, reason) => {
      const before = await countRows(h.db.orm, 'hired_employees');
      const upload = await h.settled(await h.upload('hired_employees', content));
      expect(upload.status).toBe('failed');
      expect(upload.failureReason).toMatch(reason);
      expect(upload.rowsInserted).toBe(0);
      expect(await countRows(h.db.orm, 'hired_employees')).toBe(before);
      const [batches] = await h.db.orm.em
        .fork()
        .execute<{ n: number }[]>('SELECT COUNT(*) AS n FROM upload_batches WHERE upload_id = ?', [
          upload.id,
        ]);
      expect(Number(batches?.n)).toBe(0);
    });
  });
});

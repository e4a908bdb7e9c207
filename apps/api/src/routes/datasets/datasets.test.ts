// Data set uploads, row inserts, upload status and reports against real MySQL, Redis, S3 and the
// real workers process: upload -> S3 -> csv.ingest -> MySQL, then reports checked against SQL
// written independently here.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestUser } from '@pluma/testing';
import { startDatasetsTestApp, type DatasetsTestApp } from './datasets-test-app.ts';

const GENERATOR = fileURLToPath(
  new URL('../../../../../bench/ingest/gen-employment.mjs', import.meta.url),
);
const YEAR = 2021;

interface UploadView {
  id: number;
  status: string;
  progress: number;
  sizeBytes: number | null;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  failureReason: string | null;
  durationMs: number | null;
}

/** Splits the CSV the API writes (RFC 4180, CRLF, quoted fields may hold commas, quotes, CR or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('data sets, uploads and reports', () => {
  let t: DatasetsTestApp;
  let ana: TestUser;
  let bo: TestUser;
  let dir: string;
  const file = (name: string) => readFile(join(dir, `${name}.csv`));

  const uploadFile = async (who: TestUser, dataset: string, body: Uint8Array | string) => {
    const res = await t.call(who, 'POST', `/v1/datasets/${dataset}/uploads`, {
      body,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { uploadId: number }).uploadId;
  };
  const settled = (who: TestUser, id: number) =>
    vi.waitFor(
      async () => {
        const view = (await (await t.call(who, 'GET', `/v1/uploads/${id}`)).json()) as UploadView;
        if (view.status !== 'succeeded' && view.status !== 'failed')
          throw new Error(`upload ${id} is ${view.status}`);
        return view;
      },
      { timeout: 30_000, interval: 100 },
    );

  beforeAll(async () => {
    t = await startDatasetsTestApp('datasets');
    ana = await t.user();
    bo = await t.user();
    dir = await mkdtemp(join(tmpdir(), 'pluma-datasets-'));
    expect(spawnSync(process.execPath, [GENERATOR, dir, '3000', '5', '4']).status).toBe(0);
    await t.startWorkers();
  });
  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses anonymous uploads, unknown data sets and form bodies', async () => {
    expect(
      (await t.call(undefined, 'POST', '/v1/datasets/jobs/uploads', { body: '1,a\n' })).status,
    ).toBe(401);
    const unknown = await t.call(ana, 'POST', '/v1/datasets/salaries/uploads', { body: '1,a\n' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { detail: string }).detail).toMatch(
      /name: must be one of departments, jobs, hired_employees/,
    );
    const form = await t.call(ana, 'POST', '/v1/datasets/jobs/uploads', {
      body: '--x\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(form.status).toBe(415);
  });

  it('ingests the three files through upload -> S3 -> worker -> MySQL and shows the outcome to the uploader only', async () => {
    for (const dataset of ['departments', 'jobs']) {
      const view = await settled(ana, await uploadFile(ana, dataset, await file(dataset)));
      expect(view).toMatchObject({ status: 'succeeded', progress: 100, rowsRejected: 0 });
    }
    const hired = await file('hired_employees');
    const id = await uploadFile(ana, 'hired_employees', hired);
    const view = await settled(ana, id);
    expect(view).toMatchObject({
      status: 'succeeded',
      progress: 100,
      sizeBytes: hired.length,
      rowsRead: 3000,
      failureReason: null,
    });
    expect(view.rowsInserted + view.rowsRejected).toBe(3000);
    expect(view.rowsRejected).toBeGreaterThan(0);
    expect(view.durationMs).toBeGreaterThanOrEqual(0);
    const [count] = await t.db.orm.em
      .fork()
      .execute<{ n: number }[]>('SELECT COUNT(*) AS n FROM hired_employees');
    expect(Number(count?.n)).toBe(view.rowsInserted);

    // Rejections as CSV: each names its line, and the raw row is that line of the file.
    const res = await t.call(ana, 'GET', `/v1/uploads/${id}/rejections`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual(['line', 'reason', 'raw']);
    expect(rows).toHaveLength(view.rowsRejected);
    const lines = hired.toString('utf8').split('\n');
    for (const [line, reason, raw] of rows) {
      expect(reason).not.toBe('');
      expect(raw).toBe(lines[Number(line) - 1]);
    }

    expect((await t.call(bo, 'GET', `/v1/uploads/${id}`)).status).toBe(404);
    expect((await t.call(bo, 'GET', `/v1/uploads/${id}/rejections`)).status).toBe(404);
    expect((await t.call(undefined, 'GET', `/v1/uploads/${id}`)).status).toBe(401);
  });

  it('answers hires-by-quarter as SQL computed independently does, in JSON and CSV', async () => {
    const rows = await t.db.orm.em
      .fork()
      .execute<{ department: string; job: string; month: number }[]>(
        'SELECT d.department, j.job, MONTH(h.datetime) AS month FROM hired_employees h, departments d, jobs j ' +
          'WHERE d.id = h.department_id AND j.id = h.job_id AND YEAR(h.datetime) = ? ORDER BY d.department, j.job',
        [YEAR],
      );
    const expected: {
      department: string;
      job: string;
      q1: number;
      q2: number;
      q3: number;
      q4: number;
    }[] = [];
    for (const r of rows) {
      let last = expected[expected.length - 1];
      if (!last || last.department !== r.department || last.job !== r.job) {
        last = { department: r.department, job: r.job, q1: 0, q2: 0, q3: 0, q4: 0 };
        expected.push(last);
      }
      last[`q${Math.ceil(Number(r.month) / 3)}` as 'q1']++;
    }
    expect(expected.length).toBeGreaterThan(10);

    const res = await t.call(ana, 'GET', `/v1/reports/hires-by-quarter?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ year: YEAR, items: expected });

    const csv = await t.call(ana, 'GET', `/v1/reports/hires-by-quarter?year=${YEAR}`, {
      headers: { accept: 'text/csv' },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(parseCsv(await csv.text())).toEqual([
      ['department', 'job', 'Q1', 'Q2', 'Q3', 'Q4'],
      ...expected.map((e) => [
        e.department,
        e.job,
        String(e.q1),
        String(e.q2),
        String(e.q3),
        String(e.q4),
      ]),
    ]);
  });

  it('answers departments-above-mean as SQL computed independently does, in JSON and CSV', async () => {
    const departments = await t.db.orm.em
      .fork()
      .execute<{ id: number; department: string }[]>('SELECT id, department FROM departments');
    const hires = await t.db.orm.em
      .fork()
      .execute<{ department_id: number; n: number }[]>(
        'SELECT department_id, COUNT(*) AS n FROM hired_employees WHERE YEAR(datetime) = ? GROUP BY department_id',
        [YEAR],
      );
    const byDepartment = new Map(hires.map((h) => [Number(h.department_id), Number(h.n)]));
    const mean = hires.reduce((sum, h) => sum + Number(h.n), 0) / departments.length;
    const expected = departments
      .map((d) => ({
        id: Number(d.id),
        department: d.department,
        hired: byDepartment.get(Number(d.id)) ?? 0,
      }))
      .filter((d) => d.hired > mean)
      .sort((a, b) => b.hired - a.hired || a.id - b.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(departments.length);

    const res = await t.call(ana, 'GET', `/v1/reports/departments-above-mean?year=${YEAR}`);
    expect(await res.json()).toEqual({ year: YEAR, mean, items: expected });
    const csv = await t.call(ana, 'GET', `/v1/reports/departments-above-mean?year=${YEAR}`, {
      headers: { accept: 'text/csv' },
    });
    expect(parseCsv(await csv.text())).toEqual([
      ['id', 'department', 'hired'],
      ...expected.map((e) => [String(e.id), e.department, String(e.hired)]),
    ]);

    expect((await t.call(ana, 'GET', '/v1/reports/departments-above-mean?year=21x')).status).toBe(
      400,
    );
    expect(
      (await t.call(undefined, 'GET', `/v1/reports/departments-above-mean?year=${YEAR}`)).status,
    ).toBe(401);
  });

  it('fails a garbage upload with a reason the uploader can act on', async () => {
    const binary = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
    const view = await settled(ana, await uploadFile(ana, 'hired_employees', binary));
    expect(view).toMatchObject({ status: 'failed', rowsInserted: 0 });
    expect(view.failureReason).toMatch(/not a CSV text file/);
  });

  it('inserts 1 to 1,000 JSON rows synchronously and names each rejected row', async () => {
    const res = await t.call(ana, 'POST', '/v1/datasets/hired_employees/rows', {
      body: [
        {
          id: 900001,
          name: 'Zoë Okafor',
          datetime: '2021-03-04T05:06:07Z',
          department_id: 1,
          job_id: 1,
        },
        {
          id: '900002',
          name: 'Wei, Chen',
          datetime: '2021-13-45T99:00:00Z',
          department_id: 1,
          job_id: 1,
        },
        { id: 900003, name: 'Bo', datetime: '2021-03-04T05:06:07Z', department_id: 999, job_id: 1 },
        {
          id: 900001,
          name: 'Again',
          datetime: '2021-03-04T05:06:07Z',
          department_id: 1,
          job_id: 1,
        },
        { id: 900004, name: 'Cy', datetime: '2021-03-04T05:06:07Z', department_id: 1 },
        {
          id: 900005,
          name: 'Di',
          datetime: '2021-03-04T05:06:07Z',
          department_id: 1,
          job_id: 1,
          salary: 3,
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      inserted: 1,
      rejected: [
        { index: 1, reason: 'datetime is not a real date and time: "2021-13-45T99:00:00Z"' },
        { index: 2, reason: 'department_id 999 does not exist; upload departments first' },
        { index: 3, reason: 'id 900001 is already used by an earlier row of this upload' },
        { index: 4, reason: 'job_id is missing' },
        {
          index: 5,
          reason:
            'unknown field salary; hired_employees rows have id, name, datetime, department_id, job_id',
        },
      ],
    });
    const [row] = await t.db.orm.em
      .fork()
      .execute<{ name: string; dt: string }[]>(
        "SELECT name, DATE_FORMAT(datetime, '%Y-%m-%dT%H:%i:%sZ') AS dt FROM hired_employees WHERE id = 900001",
      );
    expect(row).toEqual({ name: 'Zoë Okafor', dt: '2021-03-04T05:06:07Z' });

    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ id: i + 1, job: 'x' }));
    expect((await t.call(ana, 'POST', '/v1/datasets/jobs/rows', { body: tooMany })).status).toBe(
      400,
    );
    expect((await t.call(ana, 'POST', '/v1/datasets/jobs/rows', { body: [] })).status).toBe(400);
    expect(
      (await t.call(undefined, 'POST', '/v1/datasets/jobs/rows', { body: [{ id: 1, job: 'x' }] }))
        .status,
    ).toBe(401);
  });

  it('documents how the mean is taken in the OpenAPI description', async () => {
    const spec = (await (await t.call(undefined, 'GET', '/v1/openapi.json')).json()) as {
      paths: Record<string, { get?: { description?: string }; post?: { description?: string } }>;
    };
    expect(spec.paths['/v1/reports/departments-above-mean']?.get?.description).toMatch(
      /divided by the number of departments/,
    );
    expect(spec.paths['/v1/datasets/{name}/uploads']?.post?.description).toMatch(
      /replaces the stored row/,
    );
  });
});

describe('upload size limit', () => {
  let t: DatasetsTestApp;
  let ana: TestUser;
  beforeAll(async () => {
    t = await startDatasetsTestApp('uploadlimit', { UPLOAD_MAX_BYTES: String(1024 * 1024) });
    ana = await t.user();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a body over the limit while it streams, records the failure and keeps nothing in S3', async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode(
      '1,"a row that repeats until the body is too large"\n'.repeat(1000),
    );
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Twice the limit, with no Content-Length: only counting while streaming can catch it.
        if (sent > 2 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await t.call(ana, 'POST', '/v1/datasets/jobs/uploads', {
      body,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/larger than 1 MiB/);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
    const [upload] = await t.db.orm.em
      .fork()
      .execute<{ status: string; failure_reason: string; object_key: string }[]>(
        'SELECT status, failure_reason, object_key FROM uploads',
      );
    expect(upload).toMatchObject({
      status: 'failed',
      failure_reason: expect.stringMatching(/larger than 1 MiB/),
    });
    await expect(t.s3.client.statObject(t.s3.bucket, upload!.object_key)).rejects.toThrow();
    expect(await t.jobs.queue('ingest').getJobCounts('waiting', 'active')).toEqual({
      waiting: 0,
      active: 0,
    });
  });

  it('refuses a declared 2 GB body before reading it', async () => {
    const res = await t.call(ana, 'POST', '/v1/datasets/jobs/uploads', {
      body: '1,a\n',
      headers: { 'content-type': 'text/csv', 'content-length': String(2 * 1024 ** 3) },
    });
    expect(res.status).toBe(413);
  });
});

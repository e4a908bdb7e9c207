// `npm run bench:ingest -w bench`: CSV ingestion through the full path (HTTP upload -> S3 ->
// csv.ingest worker -> MySQL) against LOAD DATA LOCAL INFILE of the same file on the same server.
// Prints a table and writes bench/results/ingest-<timestamp>.json. See README.md.
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { signAccessToken } from '@pluma/auth';
import { User, createOrm, migrate, parseDatabaseUrl } from '@pluma/db';
import { startEmbeddedS3, startMailCatcher } from '@pluma/devstack';
import { SCRATCH_TABLE, createScratchTable, loadDataInfile } from './load-data.ts';
import { startApp, type AppProcess } from './processes.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000000,4000000' },
    parallel: { type: 'string', default: '4' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log('usage: node bench/ingest/run.ts [--sizes 1000000,4000000] [--parallel 4]');
  process.exit(0);
}
const SIZES = args.sizes.split(',').map(Number);
const GENERATOR = fileURLToPath(new URL('./gen-employment.mjs', import.meta.url));
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));
const JWT_SECRET = 'bench-ingest-secret-0123456789abcdefghijkl';
const baseUrl = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/');
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

interface SizeResult {
  rows: number;
  fileBytes: number;
  uploadSeconds: number;
  ingestSeconds: number;
  fullPathSeconds: number;
  fullPathRowsPerSecond: number;
  ingestRowsPerSecond: number;
  loadDataSeconds: number;
  loadDataRowsPerSecond: number;
  ratioFullPath: number;
  ratioIngest: number;
  workerPeakRssBytes: number;
  rowsInTable: number;
}

function generate(dir: string, rows: number) {
  // Seed 1, no dirty rows: both paths load exactly the same rows.
  const out = spawnSync(process.execPath, [GENERATOR, dir, String(rows), '1', '0'], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`generator failed: ${out.stderr}`);
}

async function main() {
  const workDir = await mkdtemp(join(tmpdir(), 'pluma-bench-ingest-'));
  const dbName = `pluma_bench_ingest_${process.pid}`;
  const dbUrl = new URL(baseUrl);
  dbUrl.pathname = `/${dbName}`;
  const url = dbUrl.toString();
  const s3 = await startEmbeddedS3({
    port: 0,
    directory: join(workDir, 's3'),
    bucket: 'bench-ingest',
  });
  const mail = await startMailCatcher({ port: 0 });
  const orm = await createOrm({ url });
  const apps: AppProcess[] = [];
  try {
    console.log(`bench/ingest: database ${dbName}, data in ${workDir}`);
    await migrate(orm, url);
    const em = orm.em.fork();
    const user = em.create(User, {
      email: 'bench@example.test',
      handle: 'bench',
      displayName: 'Bench',
      passwordHash: '!',
      emailVerifiedAt: new Date(),
    });
    await em.flush();
    const { token } = await signAccessToken(JWT_SECRET, user.id, 24 * 3600);

    const env = {
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `bench-ingest-${process.pid}`,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: 'bench-ingest',
      JWT_SECRET,
      SMTP_URL: mail.url,
      MAIL_FROM: 'Pluma <bench@pluma.test>',
      INGEST_PARALLEL_BATCHES: args.parallel,
    };
    const api = await startApp('api', env, 'API_PORT');
    apps.push(api);
    const apiUrl = `http://127.0.0.1:${api.port}`;

    const upload = async (dataset: string, file: string) => {
      const size = (await stat(file)).size;
      const started = performance.now();
      const res = await fetch(`${apiUrl}/v1/datasets/${dataset}/uploads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'text/csv',
          'content-length': String(size),
        },
        body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
        duplex: 'half',
      } as RequestInit);
      if (res.status !== 202)
        throw new Error(`upload of ${dataset} answered ${res.status}: ${await res.text()}`);
      const { uploadId } = (await res.json()) as { uploadId: number };
      const uploaded = performance.now();
      for (;;) {
        const view = (await (
          await fetch(`${apiUrl}/v1/uploads/${uploadId}`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json()) as {
          status: string;
          rowsInserted: number;
          rowsRejected: number;
          failureReason: string | null;
        };
        if (view.status === 'failed')
          throw new Error(`upload of ${dataset} failed: ${view.failureReason}`);
        if (view.status === 'succeeded') {
          const done = performance.now();
          return {
            uploadSeconds: (uploaded - started) / 1000,
            ingestSeconds: (done - uploaded) / 1000,
            fullPathSeconds: (done - started) / 1000,
            view,
          };
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    const results: SizeResult[] = [];
    for (const rows of SIZES) {
      const dir = join(workDir, `rows-${rows}`);
      console.log(`\n${rows.toLocaleString('en')} rows: generating…`);
      generate(dir, rows);
      const file = join(dir, 'hired_employees.csv');
      const fileBytes = (await stat(file)).size;

      // A fresh workers process per size, so its VmHWM is the peak of this size alone.
      const workers = await startApp('workers', env, 'WORKERS_PORT');
      apps.push(workers);
      await upload('departments', join(dir, 'departments.csv'));
      await upload('jobs', join(dir, 'jobs.csv'));
      await orm.em.fork().execute('TRUNCATE TABLE `hired_employees`');
      await createScratchTable(url);

      console.log(`${rows.toLocaleString('en')} rows: LOAD DATA LOCAL INFILE…`);
      const loadData = await loadDataInfile(url, file);
      if (loadData.rows !== rows)
        throw new Error(`LOAD DATA loaded ${loadData.rows} rows, expected ${rows}`);
      // The scratch table is dropped again so both runs find the same buffer pool pressure.
      await orm.em.fork().execute(`DROP TABLE \`${SCRATCH_TABLE}\``);

      console.log(`${rows.toLocaleString('en')} rows: upload -> S3 -> worker -> MySQL…`);
      const run = await upload('hired_employees', file);
      const [count] = await orm.em
        .fork()
        .execute<{ n: number }[]>('SELECT COUNT(*) AS n FROM `hired_employees`');
      const workerPeakRssBytes = await workers.peakRss();
      await workers.stop();
      const rowsInTable = Number(count?.n ?? 0);
      if (rowsInTable !== rows || run.view.rowsInserted !== rows)
        throw new Error(`ingested ${rowsInTable} rows, expected ${rows}`);

      const loadDataRowsPerSecond = rows / loadData.seconds;
      results.push({
        rows,
        fileBytes,
        uploadSeconds: run.uploadSeconds,
        ingestSeconds: run.ingestSeconds,
        fullPathSeconds: run.fullPathSeconds,
        fullPathRowsPerSecond: rows / run.fullPathSeconds,
        ingestRowsPerSecond: rows / run.ingestSeconds,
        loadDataSeconds: loadData.seconds,
        loadDataRowsPerSecond,
        ratioFullPath: rows / run.fullPathSeconds / loadDataRowsPerSecond,
        ratioIngest: rows / run.ingestSeconds / loadDataRowsPerSecond,
        workerPeakRssBytes,
        rowsInTable,
      });
      await rm(dir, { recursive: true, force: true });
    }
    report(results);
  } finally {
    for (const app of apps) await app.stop().catch(() => undefined);
    await orm.close(true);
    const endpoint = parseDatabaseUrl(url);
    const connection = await mysql.createConnection({
      host: endpoint.host,
      port: endpoint.port,
      user: endpoint.user,
      ...(endpoint.password === undefined ? {} : { password: endpoint.password }),
    });
    await connection.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await connection.end();
    await mail.stop();
    await s3.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

function report(results: SizeResult[]) {
  const k = (n: number) => `${Math.round(n / 1000).toLocaleString('en')}k`;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    '\n| rows | file | full path rows/s | worker rows/s | LOAD DATA rows/s | full/LOAD | worker/LOAD | worker peak RSS |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.rows.toLocaleString('en')} | ${mb(r.fileBytes)} | ${k(r.fullPathRowsPerSecond)} | ${k(r.ingestRowsPerSecond)} | ${k(r.loadDataRowsPerSecond)} | ` +
        `${r.ratioFullPath.toFixed(2)}x | ${r.ratioIngest.toFixed(2)}x | ${mb(r.workerPeakRssBytes)} |`,
    );
  }
  const small = results[0];
  const large = results[results.length - 1];
  const rssGrowth =
    small && large && small !== large ? large.workerPeakRssBytes / small.workerPeakRssBytes - 1 : 0;
  const goals = {
    ratioAtLeast0_6: results.every((r) => r.ratioFullPath >= 0.6),
    rssWithin20Percent: Math.abs(rssGrowth) <= 0.2,
  };
  console.log(
    `\nGoals: full path >= 0.6x LOAD DATA at every size: ${goals.ratioAtLeast0_6 ? 'met' : 'NOT met'}; ` +
      `worker peak RSS at ${large?.rows.toLocaleString('en')} rows within 20% of ${small?.rows.toLocaleString('en')}: ${(rssGrowth * 100).toFixed(1)}% (${goals.rssWithin20Percent ? 'met' : 'NOT met'})`,
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = join(RESULTS, `ingest-${stamp}.json`);
  return mkdir(RESULTS, { recursive: true })
    .then(() =>
      writeFile(
        out,
        JSON.stringify(
          {
            at: new Date().toISOString(),
            parallelBatches: Number(args.parallel),
            results,
            rssGrowth,
            goals,
          },
          null,
          2,
        ),
      ),
    )
    .then(() => console.log(`wrote ${out}`));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

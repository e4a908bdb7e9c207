// Test support for CSV ingestion: a database, S3 bucket and queue prefix of the test file's own,
// and helpers to store a file as an upload and wait for its outcome.
import { Upload, type MikroORM } from '@pluma/db';
import { createJobProducer, enqueueCsvIngest, type JobProducer } from '@pluma/queue';
import { createObjectStore, type ObjectStore } from '@pluma/storage';
import {
  createTestDatabase,
  createTestUser,
  startTestS3,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
  type TestS3,
  type TestUser,
} from '@pluma/testing';
import { vi } from 'vitest';

export interface IngestHarness {
  db: TestDatabase;
  s3: TestS3;
  storage: ObjectStore;
  prefix: string;
  jobs: JobProducer;
  user: TestUser;
  /** Stores `content` in S3 as a queued upload of `user` and enqueues its ingestion. */
  upload(dataset: string, content: Buffer | string): Promise<number>;
  /** Waits until the upload succeeded or failed; answers its row. */
  settled(uploadId: number, timeout?: number): Promise<Upload>;
  close(): Promise<void>;
}

let objectNo = 0;

export async function startIngestHarness(label: string): Promise<IngestHarness> {
  const db = await createTestDatabase(label);
  const s3 = await startTestS3();
  const storage = createObjectStore({
    endpoint: s3.endpoint,
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    bucket: s3.bucket,
  });
  const prefix = testRedisPrefix(label);
  const jobs = createJobProducer({ redisUrl: testRedisUrl(), prefix });
  const user = await createTestUser(db.orm);
  return {
    db,
    s3,
    storage,
    prefix,
    jobs,
    user,
    async upload(dataset, content) {
      const body = typeof content === 'string' ? Buffer.from(content) : content;
      const objectKey = `uploads/${dataset}/test-${++objectNo}.csv`;
      await s3.client.putObject(s3.bucket, objectKey, body);
      const em = db.orm.em.fork();
      const upload = em.create(Upload, {
        owner: user.id,
        dataset,
        status: 'queued',
        objectKey,
        sizeBytes: body.length,
        queuedAt: new Date(),
      });
      await em.flush();
      await enqueueCsvIngest(jobs, { uploadId: upload.id });
      return upload.id;
    },
    async settled(uploadId, timeout = 20_000) {
      return vi.waitFor(
        async () => {
          const upload = await db.orm.em.fork().findOneOrFail(Upload, uploadId);
          if (upload.status !== 'succeeded' && upload.status !== 'failed')
            throw new Error(`upload ${uploadId} is ${upload.status}`);
          return upload;
        },
        { timeout, interval: 50 },
      );
    },
    async close() {
      for (const queue of ['ingest', 'email'] as const)
        await jobs.queue(queue).obliterate({ force: true });
      await jobs.close();
      await s3.stop();
      await db.drop();
    },
  };
}

/** Row counts of a table. */
export async function countRows(orm: MikroORM, table: string): Promise<number> {
  const [row] = await orm.em
    .fork()
    .execute<{ n: number }[]>(`SELECT COUNT(*) AS n FROM \`${table}\``);
  return Number(row?.n ?? 0);
}

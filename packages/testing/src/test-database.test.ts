import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User, createOrm, migrate } from '@pluma/db';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

describe('createTestDatabase and migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('migrate');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('creates the schema and stores a user with utf8mb4 text', async () => {
    const em = db.orm.em.fork();
    em.create(User, {
      email: 'ana@example.com',
      handle: 'ana',
      displayName: 'Ana 🦉 Ñandú',
      passwordHash: 'x',
    });
    await em.flush();
    const found = await db.orm.em.fork().findOneOrFail(User, { handle: 'ana' });
    expect(found.displayName).toBe('Ana 🦉 Ñandú');
  });

  it('is a no-op when run again, also from several processes at once', async () => {
    const orms = await Promise.all([1, 2, 3].map(() => createOrm({ url: db.url })));
    const applied = await Promise.all(orms.map((orm) => migrate(orm, db.url)));
    expect(applied.flat()).toEqual([]);
    await Promise.all(orms.map((orm) => orm.close()));
  });

  it('names DATABASE_URL and hides the password when the server cannot be reached', async () => {
    const url = 'mysql://nobody:sup3rs3cret@127.0.0.1:1/x';
    const orm = await createOrm({ url });
    const error = await migrate(orm, url).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    await orm.close();
    expect(error?.message).toMatch(
      /^DATABASE_URL: cannot use MySQL at 127\.0\.0\.1:1\/x \(ECONNREFUSED\)/,
    );
    expect(error?.message).not.toContain('sup3rs3cret');
  });
});

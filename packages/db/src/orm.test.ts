import { describe, expect, it } from 'vitest';
import { createOrmOptions, parseDatabaseUrl } from './orm.ts';

describe('database URL', () => {
  it('splits a URL, decoding the user and password', () => {
    expect(parseDatabaseUrl('mysql://app%40x:p%3Ass@db.internal:6446/pluma')).toEqual({
      host: 'db.internal',
      port: 6446,
      user: 'app@x',
      password: 'p:ss',
      dbName: 'pluma',
    });
  });

  it('defaults the port, user and database', () => {
    expect(parseDatabaseUrl('mysql://127.0.0.1')).toMatchObject({
      port: 3306,
      user: 'root',
      password: undefined,
      dbName: 'pluma',
    });
  });

  it('routes reads to the read-only endpoint when one is given (MySQL Router RO port)', () => {
    const options = createOrmOptions({
      url: 'mysql://app:pw@router:6446/pluma',
      readUrl: 'mysql://app:pw@router:6447/pluma',
    });
    expect(options.replicas).toEqual([
      { name: 'read', host: 'router', port: 6447, user: 'app', password: 'pw' },
    ]);
    expect(createOrmOptions({ url: 'mysql://app:pw@router:6446/pluma' }).replicas).toBeUndefined();
  });
});

// Where tests find the real servers: the variables `npm test` sets after discovery,
// else the local defaults (MariaDB and Redis on their standard loopback ports).

/** Base MySQL URL (its database part is ignored: each test makes its own database). */
export function testDatabaseBaseUrl(): string {
  return process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/pluma_test';
}

export function testRedisUrl(): string {
  return process.env.REDIS_URL || 'redis://127.0.0.1:6379';
}

/** A secret long enough for the config schema, fixed so tests can sign tokens the apps accept. */
export const TEST_JWT_SECRET = 'pluma-test-secret-0123456789abcdefghij';

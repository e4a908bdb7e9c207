export { createTestDatabase } from './test-database.ts';
export type { TestDatabase } from './test-database.ts';
export { testRedisPrefix } from './redis-prefix.ts';
export { TEST_JWT_SECRET, testDatabaseBaseUrl, testRedisUrl } from './test-env.ts';

export { createTestDatabase } from './test-database.ts';
export type { TestDatabase } from './test-database.ts';
export { testRedisPrefix } from './redis-prefix.ts';
export { TEST_JWT_SECRET, testDatabaseBaseUrl, testRedisUrl } from './test-env.ts';
export { startTestS3 } from './test-s3.ts';
export type { TestS3 } from './test-s3.ts';
export { startMailCatcher } from '@pluma/devstack';
export type { CaughtMail, MailCatcher } from '@pluma/devstack';

import { randomBytes } from 'node:crypto';

/** A key prefix of its own for one test file, so parallel tests never share Redis keys. */
export function testRedisPrefix(label = 't'): string {
  return `test:${label}:${randomBytes(4).toString('hex')}:`;
}

import type { ApiDeps } from '../deps.ts';

/** Prefix of the socket.io Redis channels: SOCKET_IO_REDIS_KEY behind the API's Redis prefix (REDIS_PREFIX, or a test's own). */
export function socketIoKey(deps: Pick<ApiDeps, 'config' | 'redisPrefix'>): string {
  return `${deps.redisPrefix ?? deps.config.REDIS_PREFIX}${deps.config.SOCKET_IO_REDIS_KEY}`;
}

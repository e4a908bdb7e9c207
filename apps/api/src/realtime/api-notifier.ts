import { createNotifier, type Notifier } from '@pluma/notify';
import type { ApiDeps } from '../deps.ts';
import { socketIoKey } from './socket-io-key.ts';

/** The API's notifier: stores in the inbox and emits through the same Redis channels the gateway listens on. */
export function createApiNotifier(
  deps: Pick<ApiDeps, 'config' | 'redis' | 'redisPrefix'>,
): Notifier {
  return createNotifier(deps.redis, socketIoKey(deps));
}

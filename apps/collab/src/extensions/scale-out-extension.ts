import { Redis } from '@hocuspocus/extension-redis';

export interface ScaleOutOptions {
  redisUrl: string;
  redisPrefix: string;
  nodeId: string;
  disconnectDelayMs: number;
}

/**
 * Scale-out: @hocuspocus/extension-redis relays updates and awareness between the collab nodes
 * that have a document open, so editors connected to different nodes see each other.
 */
export function createScaleOutExtension(options: ScaleOutOptions): Redis {
  const url = new URL(options.redisUrl);
  const db = Number(url.pathname.replace(/^\//, '') || 0);
  return new Redis({
    host: url.hostname,
    port: Number(url.port || 6379),
    options: {
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(db ? { db } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    },
    prefix: `${options.redisPrefix}hocuspocus`,
    identifier: options.nodeId,
    disconnectDelay: options.disconnectDelayMs,
  });
}

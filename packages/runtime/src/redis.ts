import { createClient, type RedisClientType } from 'redis';
import { StartupError, describeEndpoint, reasonOf } from './startup-error.ts';

export type Redis = RedisClientType;

/**
 * Connects a node-redis client, failing fast (one line naming REDIS_URL) when nothing answers.
 * After start-up it reconnects on its own with backoff.
 */
export async function connectRedis(url: string, variable = 'REDIS_URL'): Promise<Redis> {
  let connected = false;
  const client: Redis = createClient({
    url,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries) => (connected ? Math.min(retries * 100, 3000) : false),
    },
  });
  client.on('error', () => {
    // Errors surface through the failed command or the start-up check below;
    // without a listener node-redis would crash the process on a dropped connection.
  });
  try {
    await client.connect();
    connected = true;
    return client;
  } catch (error) {
    throw new StartupError(
      `${variable}: cannot reach Redis at ${describeEndpoint(url)} (${reasonOf(error)}); start redis-server there or fix ${variable}.`,
      { cause: error },
    );
  }
}

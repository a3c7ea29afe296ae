import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** A Redis connection that logs (instead of crashing on) connection errors and retries. */
export function connectRedis(url: string, log: Logger, name: string): Redis {
  const client = new Redis(url, { connectionName: `aio-${name}`, maxRetriesPerRequest: 3, enableAutoPipelining: true });
  client.on('error', (err) => log.warn({ err, redis: name }, 'redis connection error'));
  return client;
}

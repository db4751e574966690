/**
 * Redis and BullMQ plumbing: connections and producer handles for every queue. What travels on
 * the queues, and with which options, is core/jobs.ts.
 */
import { Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { JOB_DEFAULTS, QUEUE_NAMES, type QueueName, type Queues } from './jobs.ts';

export type { QueueName, Queues } from './jobs.ts';

/** ioredis options BullMQ requires for blocking connections, plus a capped reconnect backoff. */
export function redisOptions(): RedisOptions {
  return {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(200 * 2 ** times, 10_000),
  };
}

/** `connectionName` shows in CLIENT LIST, so an operator can tell whose connection is whose. */
export function createRedis(url: string, connectionName?: string): Redis {
  return new Redis(url, { ...redisOptions(), ...(connectionName ? { connectionName } : {}) });
}

/** Producer handles for every queue, sharing one connection. */
export function openQueues(connection: Redis, prefix: string): Queues {
  const make = <Q extends QueueName>(name: Q) => new Queue(name, { connection, prefix, defaultJobOptions: JOB_DEFAULTS }) as Queues[Q];
  return Object.fromEntries(QUEUE_NAMES.map((name) => [name, make(name)])) as Queues;
}

/** Deletes every key under a prefix: a finished test run's or benchmark's queues. */
export async function dropQueuePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = createRedis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

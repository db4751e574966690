/**
 * Redis and BullMQ plumbing: connections and producer handles for every queue. What travels on
 * the queues, and with which options, is core/jobs.ts.
 */
import { Queue } from 'bullmq';
import { once } from 'node:events';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { JOB_DEFAULTS, QUEUE_NAMES, type QueueName, type Queues } from './jobs.ts';
import { parseClusterUrl } from './redis-url.ts';

export type { QueueName, Queues } from './jobs.ts';

/** A connection to the queues' Redis: one server, or a Redis Cluster (core/redis-url.ts). */
export type RedisConnection = Redis | Cluster;

const backoff = (times: number) => Math.min(200 * 2 ** times, 10_000);

/** ioredis options BullMQ requires for blocking connections, plus a capped reconnect backoff. */
export function redisOptions(): RedisOptions {
  return { maxRetriesPerRequest: null, enableReadyCheck: true, retryStrategy: backoff };
}

export interface CreateRedisOptions {
  /** Shows in CLIENT LIST, so an operator can tell whose connection is whose. */
  connectionName?: string;
  /** One connection attempt, no retries, commands fail at once when it fails: for "does it answer?". */
  probe?: boolean;
}

/**
 * The one way Tidewatch connects to Redis: an ioredis `Redis` for a one-server URL, an ioredis
 * `Cluster` for a `redis+cluster://` one.
 */
export function createRedis(url: string, { connectionName, probe = false }: CreateRedisOptions = {}): RedisConnection {
  const probing: RedisOptions = probe
    ? { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 }
    : {};
  const named = connectionName ? { connectionName } : {};
  const cluster = parseClusterUrl(url);
  if (!cluster) return new Redis(url, { ...redisOptions(), ...named, ...probing });
  // The nodes' own retryStrategy is ignored: ioredis Cluster reconnects through clusterRetryStrategy.
  const options: ClusterOptions = {
    enableReadyCheck: true,
    clusterRetryStrategy: probe ? () => null : backoff,
    lazyConnect: probe,
    redisOptions: {
      ...redisOptions(),
      ...named,
      ...probing,
      username: cluster.username,
      password: cluster.password,
      ...(cluster.tls ? { tls: {} } : {}),
    },
    // Managed TLS clusters (ElastiCache, MemoryDB) announce hostnames their certificates name; resolving
    // them to IPs first would fail the certificate check.
    ...(cluster.tls ? { dnsLookup: (address: string, done: (err: null, address: string) => void) => done(null, address) } : {}),
  };
  return new Cluster(cluster.nodes, options);
}

/** Producer handles for every queue, sharing one connection. */
export function openQueues(connection: RedisConnection, prefix: string): Queues {
  const make = <Q extends QueueName>(name: Q) => new Queue(name, { connection, prefix, defaultJobOptions: JOB_DEFAULTS }) as Queues[Q];
  return Object.fromEntries(QUEUE_NAMES.map((name) => [name, make(name)])) as Queues;
}

/**
 * Deletes every key under a prefix: a finished test run's or benchmark's queues. On a cluster,
 * SCAN sees one node's keys only, so each master is scanned; keys go one UNLINK each, since a
 * multi-key UNLINK must not span slots.
 */
export async function dropQueuePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = createRedis(redisUrl);
  try {
    if (redis instanceof Cluster) {
      await once(redis, 'ready');
      await Promise.all(redis.nodes('master').map((node) => unlinkMatching(node, `${prefix}:*`)));
    } else {
      await unlinkMatching(redis, `${prefix}:*`);
    }
  } finally {
    redis.disconnect();
  }
}

async function unlinkMatching(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.pipeline(keys.map((k) => ['unlink', k])).exec();
  } while (cursor !== '0');
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

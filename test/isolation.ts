/**
 * Per-test-file isolation: a private database cloned from the migrated template, and a private
 * BullMQ prefix. Both are removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../core/config.ts';
import { createDb, type PrismaClient } from '../core/db/client.ts';
import { seedPlatforms } from '../core/db/seed.ts';
import { withDatabase } from '../core/db/url.ts';
import { ADMIN_URL, REDIS_URL } from './services.ts';

export interface Isolated {
  config: Config;
  databaseUrl: string;
  db: PrismaClient;
  cleanup(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Deletes every key under a BullMQ prefix. */
export async function dropQueuePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
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

export async function isolate(env: Record<string, string> = {}): Promise<Isolated> {
  const suffix = randomBytes(5).toString('hex');
  const name = `tw_test_${suffix}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`));
  const databaseUrl = withDatabase(ADMIN_URL, name);
  const queuePrefix = `twtest-${suffix}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    API_PORT: '0',
    ...env,
  });
  const db = createDb(databaseUrl, 4);
  await seedPlatforms(db);
  return {
    config,
    databaseUrl,
    db,
    async cleanup() {
      await db.$disconnect();
      await dropQueuePrefix(queuePrefix);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

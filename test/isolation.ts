/**
 * Per-test-file isolation: a private database cloned from the migrated template, and a private
 * BullMQ prefix. Both are removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../core/config.ts';
import { createDb, type PoolDb } from '../core/db/index.ts';
import { seedPlatforms } from '../core/db/seed.ts';
import { withDatabase } from '../core/db/url.ts';
import { dropQueuePrefix } from '../core/queues.ts';
import { ADMIN_URL, REDIS_URL } from './services.ts';

export interface Isolated {
  config: Config;
  databaseUrl: string;
  db: PoolDb;
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

/** A real-looking sender, so tests that deliver notices may. */
export const TEST_NOTIFIER = { NOTIFIER_NAME: 'Tidewatch test desk', NOTIFIER_EMAIL: 'notices@tidewatch.test' } as const;

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
    // Stages that fetch posts' URLs stay off unless a test turns them on (with loopback fakes and
    // FETCH_ALLOW_HOSTS): seeded and sample posts carry real platform URLs.
    EVIDENCE_CAPTURE: 'off',
    LIVENESS_SCHEDULE: 'off',
    // Confirmations are referred at once; the tests of undo turn its window (and the refer delay) on.
    REVIEW_UNDO_SECONDS: '0',
    // Delivery refuses the placeholder sender (core/config.ts placeholderSenderProblem).
    ...TEST_NOTIFIER,
    ...env,
  });
  const db = createDb(databaseUrl, 4);
  await seedPlatforms(db);
  return {
    config,
    databaseUrl,
    db,
    async cleanup() {
      await db.close();
      await dropQueuePrefix(REDIS_URL, queuePrefix);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

import type { Config } from '../core/config.ts';
import type { PoolDb } from '../core/db/index.ts';
import type { Logger } from '../core/logger.ts';
import type { PlatformDirectory } from '../core/platform-directory.ts';
import type { Queues } from '../core/jobs.ts';
import type { RedisConnection } from '../core/queues.ts';
import type { Principal } from './auth/keys.ts';

export interface ApiContext {
  config: Config;
  db: PoolDb;
  redis: RedisConnection;
  queues: Queues;
  platforms: PlatformDirectory;
  log: Logger;
}

/**
 * Hono environment: handlers read dependencies from `c.var.ctx`, and the authenticated caller from
 * `c.var.principal` (set by `requireRole` on every route that needs a key).
 */
export type ApiEnv = { Variables: { ctx: ApiContext; principal?: Principal } };

import type { Config } from '../core/config.ts';
import type { PrismaClient } from '../core/db/client.ts';
import type { Logger } from '../core/logger.ts';
import type { PlatformDirectory } from '../core/platform-directory.ts';
import type { Queues } from '../workers/queues.ts';
import type { Redis } from 'ioredis';

export interface ApiContext {
  config: Config;
  db: PrismaClient;
  redis: Redis;
  queues: Queues;
  platforms: PlatformDirectory;
  log: Logger;
}

/** Hono environment: handlers read dependencies from `c.var.ctx`. */
export type ApiEnv = { Variables: { ctx: ApiContext } };

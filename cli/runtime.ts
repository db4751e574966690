/**
 * Assembles a Tidewatch process from config: database, Redis, queues, and whichever of the
 * workers and the API this process runs. Every CLI command that needs the services starts here.
 */
import type { ServerType } from '@hono/node-server';
import type { PipelineContext } from '../workers/pipeline-context.ts';
import type { LiveDetector } from '../workers/live-detector.ts';
import { closeQueues, createRedis, openQueues, type QueueName, type Queues, type RedisConnection } from '../core/queues.ts';
import { WorkerPool } from '../workers/worker-pool.ts';
import type { Config } from '../core/config.ts';
import { openDatabase, type Database } from '../core/db/database.ts';
import { warnIfPrivileged } from '../core/db/runtime-role.ts';
import { redisUrlFor } from '../core/demo-redis.ts';
import type { Logger } from '../core/logger.ts';
import { PlatformDirectory } from '../core/platform-directory.ts';
import { StartError } from '../core/start-error.ts';

export interface RuntimeOptions {
  /** Queues this process consumes; empty for an API-only or producer-only process. */
  workers?: readonly QueueName[];
  /** Serve the HTTP API on config.api. */
  api?: boolean;
  /** Apply pending migrations and seed platforms before starting (default true). */
  migrate?: boolean;
}

export interface Runtime {
  config: Config;
  log: Logger;
  database: Database;
  redis: RedisConnection;
  queues: Queues;
  pipeline: PipelineContext;
  pool: WorkerPool | undefined;
  server: ServerType | undefined;
  /** The API's base URL when serving. */
  apiUrl: string | undefined;
  /** Graceful: stop taking jobs, finish in-flight ones, stop the server, close connections. */
  close(): Promise<void>;
}

export async function startRuntime(given: Config, log: Logger, opts: RuntimeOptions = {}): Promise<Runtime> {
  const redisUrl = await redisUrlFor(given);
  if (redisUrl !== given.redisUrl) log.info('a demo is running on this DATA_DIR: using its Redis');
  const config: Config = { ...given, redisUrl };
  const database = await openDatabase(config, log, { migrate: opts.migrate ?? true });
  // The local embedded database is the development default; anything else should not run as its owner.
  if (!database.embedded)
    await warnIfPrivileged(database.db, log).catch((err: Error) => log.warn({ err: err.message }, 'could not check the database role'));
  // Named so an operator (and the shutdown test) can tell this process's connection in CLIENT LIST.
  const redis = createRedis(config.redisUrl, { connectionName: `${config.queuePrefix}:${opts.api ? 'api' : 'main'}` });
  const queues = openQueues(redis, config.queuePrefix);
  // Without a listener BullMQ prints a stack trace per queue for every failed reconnect while
  // Redis is away. The queues share `redis`, so one warning a second says it all: ioredis keeps
  // reconnecting and commands wait for it (maxRetriesPerRequest: null), nothing is dropped.
  let lastQueueError = 0;
  for (const q of Object.values(queues)) {
    q.on('error', (err: Error) => {
      if (Date.now() - lastQueueError < 1_000) return;
      lastQueueError = Date.now();
      log.warn({ err: err.message }, 'redis connection error; reconnecting, queue commands wait');
    });
  }
  const platforms = new PlatformDirectory(database.db);
  let live: Promise<LiveDetector> | undefined;
  let liveLoaded: LiveDetector | undefined;
  const pipeline: PipelineContext = {
    config,
    db: database.db,
    queues,
    log,
    platforms,
    // Imported on first use: only classify workers need the model, and a process that never
    // classifies should not carry it in memory. It follows promotions (workers/live-detector.ts).
    detector: async () =>
      (
        await (live ??= import('../workers/live-detector.ts').then((m) => (liveLoaded = new m.LiveDetector(database.db, config, log))))
      ).get(),
    shadowDetector: () => liveLoaded?.shadow(),
  };

  const pool = opts.workers?.length ? await WorkerPool.start(pipeline, { queues: opts.workers, redisUrl: config.redisUrl }) : undefined;
  if (pool) await pool.waitUntilReady();

  let server: ServerType | undefined;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      await pool?.close();
      await live?.then(
        (l) => l.stop(),
        () => undefined,
      );
      await closeQueues(queues);
      await redis.quit().catch(() => redis.disconnect());
      await database.close();
    })();
    return closing;
  };

  let apiUrl: string | undefined;
  if (opts.api) {
    const [{ createApp }, { serve }] = await Promise.all([import('../api/app.ts'), import('@hono/node-server')]);
    const app = createApp({ config, db: database.db, redis, queues, platforms, log });
    try {
      server = await listen(serve, app.fetch, config.api);
    } catch (err) {
      await close(); // the workers, Redis and the database (an embedded server too) opened above
      throw err;
    }
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.api.port;
    apiUrl = `http://${config.api.host === '0.0.0.0' ? 'localhost' : config.api.host}:${port}`;
  }

  return { config, log, database, redis, queues, pipeline, pool, server, apiUrl, close };
}

type Serve = typeof import('@hono/node-server').serve;

/** Serves `fetch` on host:port; a port taken by another process is a {@link StartError} saying what to set. */
function listen(serve: Serve, fetch: Parameters<Serve>[0]['fetch'], api: Config['api']): Promise<ServerType> {
  return new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch, hostname: api.host, port: api.port }, () => {
      s.off('error', onError);
      resolve(s);
    });
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new StartError(`port ${api.port} is in use; set API_PORT`));
      else if (err.code === 'EACCES') reject(new StartError(`port ${api.port} needs privileges this process lacks; set API_PORT`));
      else reject(err);
    };
    s.once('error', onError);
  });
}

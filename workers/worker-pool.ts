/**
 * Runs BullMQ workers for a set of queues in this process. Any number of processes on any number
 * of machines may run pools against the same Redis and Postgres: jobs are leased one consumer at a
 * time and every stage's writes are idempotent, so delivery is at-least-once with exactly-once
 * effects.
 */
import { hostname } from 'node:os';
import { MetricsTime, Worker } from 'bullmq';
import type { PipelineContext } from './pipeline-context.ts';
import { HANDLERS, type HandlerFactory } from './handlers.ts';
import { createRedis, type QueueName, type RedisConnection } from '../core/queues.ts';
import { RecoverySweep } from './recover-pending.ts';
import { StatsFoldTimer } from './stats-fold-timer.ts';

export interface WorkerPoolOptions {
  queues: readonly QueueName[];
  /** Redis URL for the workers' blocking connections (one per worker, as BullMQ requires). */
  redisUrl: string;
  /** Start consuming immediately (default true). */
  autorun?: boolean;
  /**
   * How long a job's lock lasts without renewal (default `config.worker.lockMs`, 30 000 ms):
   * after a worker dies mid-job, another takes the job over once this has passed.
   */
  lockDuration?: number;
  /** How often this pool looks for jobs whose lock expired (default `config.worker.stalledIntervalMs`, 30 000 ms). */
  stalledInterval?: number;
}

/** `<host>:<pid>`, as BullMQ records it on every job this process runs. */
export const WORKER_NAME = `${hostname()}:${process.pid}`;

export class WorkerPool {
  readonly workers: Worker[];
  readonly #connections: RedisConnection[] = [];
  /** Whoever classifies also sweeps for posts whose classify job was lost (recover-pending.ts). */
  #recovery: RecoverySweep | undefined;
  /** Every pool folds changes into the analytics rollups (one process at a time). */
  readonly #statsFold: StatsFoldTimer;

  /** Loads the handlers of `opts.queues` (only those) and starts a worker per queue. */
  static async start(ctx: PipelineContext, opts: WorkerPoolOptions): Promise<WorkerPool> {
    const factories = await Promise.all(opts.queues.map(async (name) => [name, await HANDLERS[name]()] as const));
    return new WorkerPool(ctx, opts, new Map(factories));
  }

  private constructor(
    private readonly ctx: PipelineContext,
    opts: WorkerPoolOptions,
    handlers: ReadonlyMap<QueueName, HandlerFactory>,
  ) {
    const concurrency: Record<QueueName, number> = {
      ingest: ctx.config.ingestConcurrency,
      classify: ctx.config.classifyConcurrency,
      refer: 4,
      // One Chromium page per job: keep it low.
      evidence: 2,
      liveness: 4,
    };
    this.workers = opts.queues.map((name) => {
      const connection = createRedis(opts.redisUrl, { connectionName: `${ctx.config.queuePrefix}:worker:${name}` });
      this.#connections.push(connection);
      const worker = new Worker(name, handlers.get(name)!(ctx), {
        // Stored on each job it runs (`processedBy`): which process ran a job, when several consume a queue.
        name: WORKER_NAME,
        connection,
        prefix: ctx.config.queuePrefix,
        concurrency: concurrency[name],
        autorun: opts.autorun ?? true,
        // A worker that dies mid-job stops renewing its lock; after this long another takes the job.
        lockDuration: opts.lockDuration ?? ctx.config.worker.lockMs,
        stalledInterval: opts.stalledInterval ?? ctx.config.worker.stalledIntervalMs,
        maxStalledCount: 5,
        // Lifetime completed/failed totals in Redis, read by /metrics from any process.
        metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
      });
      worker.on('failed', (job, err) =>
        ctx.log.warn({ queue: name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed'),
      );
      worker.on('error', (err) => ctx.log.error({ queue: name, err: err.message }, 'worker error'));
      if (name === 'classify') this.#recovery = new RecoverySweep(ctx, connection);
      return worker;
    });
    this.#statsFold = new StatsFoldTimer(ctx);
    if (opts.autorun ?? true) {
      this.#recovery?.start();
      this.#statsFold.start();
    }
  }

  async waitUntilReady(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
  }

  /** Stops taking jobs and waits for the ones in flight to finish. */
  async close(): Promise<void> {
    // Workers stop taking jobs at once; a sweep or fold in progress finishes meanwhile.
    await Promise.all([this.#recovery?.stop(), this.#statsFold.stop(), ...this.workers.map((w) => w.close())]);
    await Promise.all(this.#connections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}

/**
 * The sweep for stranded posts: posts persisted by ingest whose classify job is gone.
 *
 * Delivery is at-least-once while a job exists, but a job can stop existing: a classify job that
 * used all its attempts (a database outage longer than its ~34 min of backoff) ends in the failed
 * set, and a Redis that lost its data (no append-only file, a failover to an empty replica) loses
 * waiting jobs outright. Either way the posts stay `pending` in PostgreSQL, the source of truth, and
 * nothing would ever classify them. So every classify worker process runs this sweep every
 * `config.recovery.everyMs` (one run per interval however many processes there are): posts
 * pending longer than `config.recovery.pendingAfterMs` go back on `classify` in ingest-sized
 * batches. Classify is idempotent (it only takes posts still pending, one Classification per post
 * and model version), so a post whose old job turns up after all is still classified once.
 */
import type { RedisConnection } from '../core/queues.ts';
import type { PipelineContext } from './pipeline-context.ts';
import { IntervalTask } from './interval-task.ts';
import { enqueueBulk, INGEST_CHUNK, jobIds } from '../core/jobs.ts';

/** The sweep's name in its log lines and its Redis lock key. */
const SWEEP = 'recover-pending';

/** Batches queued per sweep at most; the next sweep takes the rest. */
export const RECOVER_MAX_BATCHES = 40;

export interface RecoverResult {
  /** Stranded posts queued for classify again. */
  requeued: number;
  /**
   * Classify batches they were queued in. A batch whose job id already exists in any state is not
   * added again: a second sweep collapses onto the first's job, and a batch that failed again
   * stays in the failed set (for an operator) instead of being retried every interval.
   */
  batches: number;
}

/** One sweep: queue posts pending since before `now - pendingAfterMs` for classify again. */
export async function recoverStrandedPosts(ctx: PipelineContext, now = new Date()): Promise<RecoverResult> {
  const cutoff = new Date(now.getTime() - ctx.config.recovery.pendingAfterMs);
  // Served by the (outcome, ingestedAt) index; oldest first, so a long backlog drains in order.
  const stranded = await ctx.db.prisma.post.findMany({
    where: { outcome: 'pending', ingestedAt: { lt: cutoff } },
    select: { id: true },
    orderBy: [{ ingestedAt: 'asc' }, { id: 'asc' }],
    take: INGEST_CHUNK * RECOVER_MAX_BATCHES,
  });
  if (!stranded.length) return { requeued: 0, batches: 0 };
  const batches = [];
  for (let i = 0; i < stranded.length; i += INGEST_CHUNK) {
    const postIds = stranded.slice(i, i + INGEST_CHUNK).map((p) => p.id);
    batches.push({ data: { postIds }, jobId: jobIds.recoverPending(postIds) });
  }
  const added = await enqueueBulk(ctx.queues, 'classify', batches);
  ctx.log.warn(
    { posts: stranded.length, batches: added.length, pendingSince: cutoff.toISOString() },
    `${SWEEP}: posts pending past the recovery age queued for classify again (their job was lost or gave up)`,
  );
  return { requeued: stranded.length, batches: added.length };
}

/**
 * Runs the sweep every `config.recovery.everyMs` in a classify worker process. Each tick takes a
 * Redis key for the interval first (SET NX PX), so however many processes classify, one sweeps.
 * A timer rather than a BullMQ job scheduler: a scheduler keeps its next run as a delayed job on
 * `classify`, and "no job outstanding" is what tells a drained pipeline (workers/drain.ts).
 */
export class RecoverySweep {
  readonly #task: IntervalTask;

  /** `redis`: any non-blocking connection to the queues' Redis (it holds the lock). */
  constructor(
    private readonly ctx: PipelineContext,
    private readonly redis: RedisConnection,
  ) {
    const every = ctx.config.recovery.everyMs;
    this.#task = new IntervalTask(every, () => this.#tick(every));
  }

  start(): void {
    this.#task.start();
  }

  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void> {
    return this.#task.stop();
  }

  async #tick(every: number): Promise<void> {
    try {
      const key = `${this.ctx.config.queuePrefix}:${SWEEP}:lock`;
      if ((await this.redis.set(key, String(process.pid), 'PX', every, 'NX')) !== 'OK') return;
      await recoverStrandedPosts(this.ctx);
    } catch (err) {
      // The database or Redis is away: the next interval tries again.
      this.ctx.log.warn({ err: (err as Error).message }, `${SWEEP}: sweep failed; retrying next interval`);
    }
  }
}

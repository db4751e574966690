/**
 * (a) The BullMQ ceiling on this machine: no-op jobs added and processed per second with the
 * pipeline's own settings — job defaults from core/jobs.ts (attempts, backoff, completed
 * jobs kept), `addBulk` batches as the pipeline's producers use, and consumers in separate
 * processes with the worker pool's options. Two layouts are measured and the faster one is the
 * ceiling, so the ratio b ÷ a is never flattered by a slow ceiling.
 */
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { createRedis, dropQueuePrefix } from '../core/queues.ts';
import { JOB_DEFAULTS } from '../core/jobs.ts';
import { REDIS_URL, spawnNode, until, type Spawned } from './bench-env.ts';
import { queuePrefixFor } from '../core/redis-url.ts';

export interface CeilingLayout {
  processes: number;
  concurrency: number;
}

export interface CeilingResult {
  jobsPerSec: number;
  jobs: number;
  seconds: number;
  layout: CeilingLayout;
  /** Every layout tried, jobs/s. */
  tried: { layout: CeilingLayout; jobsPerSec: number }[];
}

/** Jobs per `addBulk` call: about what one classify job enqueues on `refer`, and below an ingest upload's chunk count. */
const BULK = 100;

async function runLayout(jobs: number, layout: CeilingLayout): Promise<{ jobsPerSec: number; seconds: number }> {
  const prefix = queuePrefixFor(REDIS_URL, `bench-ceiling-${randomBytes(3).toString('hex')}`);
  const connection = createRedis(REDIS_URL);
  const queue = new Queue('noop', { connection, prefix, defaultJobOptions: JOB_DEFAULTS });
  const workers: Spawned[] = [];
  try {
    for (let i = 0; i < layout.processes; i++) {
      workers.push(
        spawnNode(
          `noop-worker-${i}`,
          ['--import', 'tsx', 'bench/noop-worker.ts', REDIS_URL, prefix, 'noop', String(layout.concurrency)],
          {},
        ),
      );
    }
    await until(async () => (await queue.getWorkersCount()) >= layout.processes, 'no-op workers to connect', 60_000, 100, workers);
    const t0 = performance.now();
    for (let i = 0; i < jobs; i += BULK) {
      await queue.addBulk(Array.from({ length: Math.min(BULK, jobs - i) }, (_, k) => ({ name: 'noop', data: { i: i + k } })));
    }
    await until(
      async () => {
        const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(c).every((v) => v === 0);
      },
      'the no-op jobs to finish',
      10 * 60_000,
      20,
      workers,
    );
    const seconds = (performance.now() - t0) / 1_000;
    const done = (await queue.getMetrics('completed')).meta.count;
    if (done !== jobs) throw new Error(`ceiling: ${done} of ${jobs} no-op jobs completed`);
    return { jobsPerSec: jobs / seconds, seconds };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await queue.close();
    connection.disconnect();
    await dropQueuePrefix(REDIS_URL, prefix);
  }
}

/** Measures each layout once with `jobs` jobs; the fastest is the ceiling. */
export async function measureCeiling(jobs: number, layouts: CeilingLayout[]): Promise<CeilingResult> {
  const tried = [];
  let best: CeilingResult | undefined;
  for (const layout of layouts) {
    const r = await runLayout(jobs, layout);
    tried.push({ layout, jobsPerSec: r.jobsPerSec });
    if (!best || r.jobsPerSec > best.jobsPerSec) best = { ...r, jobs, layout, tried };
  }
  return { ...best!, tried };
}

/**
 * A worker process that completes every job at once: the consumer side of the BullMQ ceiling.
 * Its Worker options mirror workers/worker-pool.ts (lock, stalled checks, metrics), so the only
 * difference from a pipeline worker is the work itself.
 *
 *   node --import tsx bench/noop-worker.ts <redisUrl> <prefix> <queue> <concurrency>
 */
import { MetricsTime, Worker } from 'bullmq';
import { createRedis } from '../core/queues.ts';

const [redisUrl, prefix, queue, concurrency] = process.argv.slice(2);
const connection = createRedis(redisUrl!, { connectionName: `${prefix}:worker:${queue}` });
const worker = new Worker(queue!, async () => undefined, {
  connection,
  prefix: prefix!,
  concurrency: Number(concurrency),
  lockDuration: 30_000,
  stalledInterval: 30_000,
  maxStalledCount: 5,
  metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
});
worker.on('error', (err) => console.error(err.message));
await worker.waitUntilReady();
process.once('SIGTERM', () => {
  void worker
    .close()
    .then(() => connection.quit())
    .then(() => process.exit(0));
});

/**
 * A worker that dies after writing but before acknowledging its job: BullMQ's stalled-job check
 * hands the job to another worker, which must converge on the same rows (one Classification,
 * one outcome, one review item per post).
 */
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger.ts';
import { createClassifyHandler } from '../workers/classify.ts';
import { createRedis } from '../core/queues.ts';
import { WorkerPool } from '../workers/worker-pool.ts';
import { makePost, startHarness, type Harness } from './harness.ts';

describe('classify worker crash mid-job', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ workers: ['ingest'], api: true });
  });
  afterAll(async () => h?.close());

  it('re-runs the job elsewhere and still yields exactly one Classification per post', async () => {
    const posts = [
      makePost('Boat to UK this week 🚤 guaranteed 100%, 1200€, WhatsApp +44 7700 900456'),
      makePost('Boat to the UK, inbox me'),
      makePost('Weather in Dover is sunny today'),
    ];
    // A worker that performs the whole classify stage, then "dies" before acknowledging.
    let ranOnce!: () => void;
    const didRun = new Promise<void>((r) => (ranOnce = r));
    const connection = createRedis(h.config.redisUrl);
    const doomed = new Worker(
      'classify',
      async (job) => {
        await createClassifyHandler(h.rt.pipeline)(job);
        ranOnce();
        await new Promise(() => undefined); // never acknowledges
      },
      // BullMQ runs one stalled check per interval across all workers, so keep it short here too.
      { connection, prefix: h.config.queuePrefix, lockDuration: 1_000, stalledInterval: 500, autorun: true },
    );
    expect((await h.post('/v1/posts', { posts })).status).toBe(202);
    await didRun;
    // Lose the worker without letting it finish or release its lock, as SIGKILL would.
    await doomed.close(true);
    connection.disconnect();

    const firstRun = await h.db.prisma.classification.count();
    expect(firstRun).toBe(3);
    const survivor = await WorkerPool.start(
      { ...h.rt.pipeline, log: createLogger('silent') },
      { queues: ['classify'], redisUrl: h.config.redisUrl, lockDuration: 1_000, stalledInterval: 500 },
    );
    try {
      await h.drain();
      const [job] = await h.rt.queues.classify.getCompleted();
      expect(job?.attemptsStarted ?? 0).toBeGreaterThanOrEqual(2); // it really ran again
    } finally {
      await survivor.close();
    }
    const rows = await h.db.prisma.post.findMany({ include: { classifications: true, reviewItem: true } });
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.classifications).toHaveLength(1);
      expect(r.outcome).not.toBe('pending');
    }
    expect(await h.db.prisma.reviewItem.count()).toBe(rows.filter((r) => r.outcome !== 'dismissed').length);
    expect(await h.db.prisma.classification.count()).toBe(3);
  });
});

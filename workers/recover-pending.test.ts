/**
 * Posts whose classify job is lost (Redis lost its data, or the job used up its attempts) stay
 * pending in PostgreSQL; the sweep queues them again once they are older than the recovery age,
 * and classify still writes one Classification per post.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger.ts';
import { makePost, startHarness, type Harness } from '../test/harness.ts';
import { waitForDrain } from './drain.ts';
import { jobIds } from '../core/jobs.ts';
import { recoverStrandedPosts } from './recover-pending.ts';
import { WorkerPool } from './worker-pool.ts';

const POSTS = [
  'Boat to UK this week 🚤 guaranteed 100%, 1200€, WhatsApp +44 7700 900456',
  'Boat to the UK, inbox me',
  'Weather in Dover is sunny today',
];

let h: Harness | undefined;
let pool: WorkerPool | undefined;
afterEach(async () => {
  await pool?.close();
  await h?.close();
  pool = h = undefined;
});

/** Ingests POSTS with no classify worker running, then loses their classify job, as a Redis without its data would. */
async function strandPosts(harness: Harness): Promise<string[]> {
  expect((await harness.post('/v1/posts', { posts: POSTS.map((t) => makePost(t)) })).status).toBe(202);
  await waitForDrain(harness.rt.queues, {
    names: ['ingest'],
    done: async () => (await harness.db.prisma.post.count()) === POSTS.length,
    timeoutMs: 30_000,
  });
  expect(await harness.rt.queues.classify.getWaitingCount()).toBe(1);
  await harness.rt.queues.classify.obliterate({ force: true });
  expect(await harness.rt.queues.classify.getWaitingCount()).toBe(0);
  const posts = await harness.db.prisma.post.findMany({
    select: { id: true, outcome: true },
    orderBy: [{ ingestedAt: 'asc' }, { id: 'asc' }],
  });
  expect(posts.every((p) => p.outcome === 'pending')).toBe(true);
  return posts.map((p) => p.id);
}

async function expectClassifiedOnce(harness: Harness): Promise<void> {
  const rows = await harness.db.prisma.post.findMany({ include: { classifications: true } });
  expect(rows).toHaveLength(POSTS.length);
  for (const r of rows) {
    expect(r.outcome).not.toBe('pending');
    expect(r.classifications).toHaveLength(1);
  }
}

describe('recover-pending sweep', () => {
  it('leaves posts younger than the recovery age alone, queues older ones once per batch, and classify takes them', async () => {
    h = await startHarness({ workers: ['ingest'], api: true });
    const ids = await strandPosts(h);

    // /metrics shows how long the oldest of them has waited (an operator's alert).
    const metrics = await (await fetch(`${h.rt.apiUrl}/metrics`)).text();
    const age = Number(/^tidewatch_oldest_pending_post_age_seconds (\S+)$/m.exec(metrics)?.[1]);
    expect(age).toBeGreaterThan(0);
    expect(age).toBeLessThan(60);

    // Two hours is the default age: posts received just now are not stranded yet.
    expect(await recoverStrandedPosts(h.rt.pipeline)).toEqual({ requeued: 0, batches: 0 });
    expect(await h.rt.queues.classify.getWaitingCount()).toBe(0);

    // Three hours on they are; two sweeps of the same batch (two processes, or a repeat) add one job.
    const later = new Date(Date.now() + 3 * 3_600_000);
    expect(await recoverStrandedPosts(h.rt.pipeline, later)).toEqual({ requeued: 3, batches: 1 });
    expect((await recoverStrandedPosts(h.rt.pipeline, later)).requeued).toBe(3);
    const waiting = await h.rt.queues.classify.getWaiting();
    expect(waiting.map((j) => j.id)).toEqual([jobIds.recoverPending(ids)]);
    expect(waiting[0]!.data.postIds).toEqual(ids);

    pool = await WorkerPool.start({ ...h.rt.pipeline, log: createLogger('silent') }, { queues: ['classify'], redisUrl: h.config.redisUrl });
    await h.drain();
    await expectClassifiedOnce(h);
    // Nothing is pending any more, so a further sweep finds nothing.
    expect(await recoverStrandedPosts(h.rt.pipeline, later)).toEqual({ requeued: 0, batches: 0 });
  }, 60_000);

  it('runs by itself in a classify worker process every RECOVER_PENDING_EVERY_MS', async () => {
    h = await startHarness({ workers: ['ingest'], api: true }, { RECOVER_PENDING_AFTER_MS: '0', RECOVER_PENDING_EVERY_MS: '300' });
    await strandPosts(h);
    // No job was queued by hand: only the classify pool's own sweep can bring these posts back.
    pool = await WorkerPool.start({ ...h.rt.pipeline, log: createLogger('silent') }, { queues: ['classify'], redisUrl: h.config.redisUrl });
    await h.drain();
    await expectClassifiedOnce(h);
  }, 60_000);

  it('does not run when RECOVER_PENDING_EVERY_MS is 0', async () => {
    h = await startHarness({ workers: ['ingest'], api: true }, { RECOVER_PENDING_AFTER_MS: '0', RECOVER_PENDING_EVERY_MS: '0' });
    await strandPosts(h);
    pool = await WorkerPool.start({ ...h.rt.pipeline, log: createLogger('silent') }, { queues: ['classify'], redisUrl: h.config.redisUrl });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await h.db.prisma.post.count({ where: { outcome: 'pending' } })).toBe(POSTS.length);
    expect(await h.rt.queues.classify.getJobCounts('waiting', 'active', 'completed')).toEqual({ waiting: 0, active: 0, completed: 0 });
  }, 60_000);
});

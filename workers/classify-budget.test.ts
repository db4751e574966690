/**
 * A classify job runs the detector for at most CLASSIFY_BATCH_BUDGET_MS and hands the posts it has
 * not reached to a `classify-rest` job whose id comes from their ids (issue #17, point 6): with a
 * budget of 0 every job classifies one post, and the batch still ends with each post classified
 * exactly once. Real workers, Redis and PostgreSQL.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger.ts';
import { makePost, startHarness, type Harness } from '../test/harness.ts';
import { loadDetector } from '../detector/index.ts';
import { classifyUntil, createClassifyHandler, type ClassifyResult } from './classify.ts';
import { waitForDrain } from './drain.ts';
import { jobIds } from '../core/jobs.ts';
import { WorkerPool } from './worker-pool.ts';

const POSTS = [
  'Boat to UK this week 🚤 guaranteed 100%, 1200€, WhatsApp +44 7700 900456',
  'Boat to the UK, inbox me',
  'Weather in Dover is sunny today',
  'Lorry to England from Calais, 3000 pounds, no papers needed',
  'Volunteers needed at the food bank on Saturday',
];

let h: Harness | undefined;
let pool: WorkerPool | undefined;
afterEach(async () => {
  await pool?.close();
  await h?.close();
  pool = h = undefined;
});

async function expectEachClassifiedOnce(harness: Harness, count: number): Promise<void> {
  const rows = await harness.db.prisma.post.findMany({ include: { classifications: true } });
  expect(rows).toHaveLength(count);
  for (const r of rows) {
    expect(r.outcome).not.toBe('pending');
    expect(r.classifications).toHaveLength(1);
  }
}

/** Ingests POSTS with no classify worker and returns their (one) waiting classify job. */
async function ingestOnly(harness: Harness) {
  expect((await harness.post('/v1/posts', { posts: POSTS.map((t) => makePost(t)) })).status).toBe(202);
  await waitForDrain(harness.rt.queues, {
    names: ['ingest'],
    done: async () => (await harness.db.prisma.post.count()) === POSTS.length,
    timeoutMs: 30_000,
  });
  const waiting = await harness.rt.queues.classify.getWaiting();
  expect(waiting).toHaveLength(1);
  expect(waiting[0]!.data.postIds).toHaveLength(POSTS.length);
  return waiting[0]!;
}

describe('classify time budget', () => {
  it('runs the detector on posts in order until the budget is spent, at least one', async () => {
    const detector = await loadDetector();
    const posts = POSTS.map((text, i) => ({
      id: `p${i}`,
      text,
      language: null,
      platformId: 1,
      postedAt: null,
      ingestedAt: new Date(),
      contentHash: `h${i}`,
    }));
    expect(classifyUntil(detector, posts, 60_000).map((r) => r.id)).toEqual(posts.map((p) => p.id));
    expect(classifyUntil(detector, posts, 0).map((r) => r.id)).toEqual(['p0']);
    // The same results as one batch call: the budget only decides where the job stops.
    expect(classifyUntil(detector, posts, 60_000)).toEqual(detector.classify(posts.map((p) => ({ id: p.id, text: p.text, lang: null }))));
  });

  it('splits a batch over budget into later jobs, each post classified exactly once', async () => {
    h = await startHarness({ workers: ['ingest', 'classify'], api: true }, { CLASSIFY_BATCH_BUDGET_MS: '0' });
    expect(h.config.classifyBudgetMs).toBe(0);
    expect((await h.post('/v1/posts', { posts: POSTS.map((t) => makePost(t)) })).status).toBe(202);
    await h.drain();
    await expectEachClassifiedOnce(h, POSTS.length);

    // The ingest's job and one `classify-rest` job per further post, each named by its posts.
    const jobs = (await h.rt.queues.classify.getCompleted()).sort((a, b) => b.data.postIds.length - a.data.postIds.length);
    expect(jobs.map((j) => j.data.postIds.length)).toEqual([5, 4, 3, 2, 1]);
    expect(jobs.map((j) => j.name)).toEqual(['classify', 'classify-rest', 'classify-rest', 'classify-rest', 'classify-rest']);
    for (const j of jobs.slice(1)) expect(j.id).toBe(jobIds.classifyRest(j.data.postIds));
    expect(jobs.map((j) => (j.returnvalue as ClassifyResult).deferred)).toEqual([4, 3, 2, 1, 0]);
    expect(jobs.every((j) => (j.returnvalue as ClassifyResult).classified === 1)).toBe(true);
    // The ingest's signatures travel with the posts they belong to.
    for (const j of jobs) expect(Object.keys(j.data.signatures ?? {}).sort()).toEqual([...j.data.postIds].sort());
    expect(await h.rt.queues.classify.getFailedCount()).toBe(0);
  }, 90_000);

  it('two runs of one job that split alike add one later job and route each post once', async () => {
    h = await startHarness({ workers: ['ingest'], api: true }, { CLASSIFY_BATCH_BUDGET_MS: '0' });
    const job = await ingestOnly(h);
    const ids = job.data.postIds;

    // Hold the posts' rows, so both runs read the batch, classify its first post and then wait on
    // the routing statement: a job running twice at once, as when its lock lapsed under a live worker.
    const lock = new pg.Client({ connectionString: h.databaseUrl });
    await lock.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('SELECT id FROM "Post" WHERE id = ANY($1::uuid[]) FOR UPDATE', [ids]);
      const handler = createClassifyHandler(h.rt.pipeline);
      const runs = Promise.all([handler(job), handler(job)]);
      const deadline = Date.now() + 30_000;
      for (;;) {
        // Asked on another connection: inside a transaction pg_stat_activity is a snapshot.
        const [waiting] = await h.db.query<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        if (waiting!.n === 2) break;
        if (Date.now() > deadline) throw new Error('both runs did not reach the routing statement');
        await new Promise((r) => setTimeout(r, 50));
      }
      await lock.query('COMMIT');
      const results = await runs;
      // Both ran the detector on the first post; one routed it, the other found it routed.
      expect(results.map((r) => r.classified)).toEqual([1, 1]);
      expect(results.map((r) => r.deferred)).toEqual([4, 4]);
      expect(results.reduce((n, r) => n + r.outcomes.dismissed + r.outcomes.review + r.outcomes.referral_candidate, 0)).toBe(1);
    } finally {
      await lock.end();
    }
    const rest = (await h.rt.queues.classify.getWaiting()).filter((j) => j.name === 'classify-rest');
    expect(rest.map((j) => j.id)).toEqual([jobIds.classifyRest(ids.slice(1))]);

    // The job itself runs a third time (it is still waiting), alongside the later one.

    pool = await WorkerPool.start({ ...h.rt.pipeline, log: createLogger('silent') }, { queues: ['classify'], redisUrl: h.config.redisUrl });
    await h.drain();
    await expectEachClassifiedOnce(h, POSTS.length);
    expect(await h.rt.queues.classify.getFailedCount()).toBe(0);
  }, 90_000);
});

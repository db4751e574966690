/**
 * Issue #20 point 4(i): three `tidewatch worker --queues classify` processes and one
 * `--queues ingest,refer` against one Redis and one PostgreSQL, as `docker compose up --scale`
 * runs them. Posts arrive in API-sized chunks (many small jobs, spread over the processes), with
 * exact re-uploads and near-duplicates of adverts a reviewer confirmed. Every post must end
 * exactly once: one Classification per routed post, one review item per post to review, one
 * referral per referred post and platform, nothing pending or failed; and each post's outcome and
 * score must be the ones the detector and the near-duplicate rule give offline, in this process.
 * Then a second batch, during which one of the three classify processes is SIGKILLed with jobs in
 * hand: the two left take its jobs over and the end state is the same.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueuePosts } from '../core/jobs.ts';
import type { PostInput } from '../core/post-input.ts';
import { closeQueues, createRedis, openQueues, type Queues } from '../core/queues.ts';
import { loadDetector, type Detector } from '../detector/index.ts';
import { signatureOf } from '../networks/near-duplicate.ts';
import { claimItem } from '../review/claims.ts';
import { decideItem } from '../review/decisions.ts';
import { failedJobs, NO_VIOLATIONS, pipelineState, waitForQuiet } from './faults/exactly-once.ts';
import { TidewatchProcess } from './faults/tidewatch-process.ts';
import { isolate, type Isolated } from './isolation.ts';
import { networkProblems } from './network-invariants.ts';
import { AUTO_REFER_PLATFORM, batchPosts, expectedOf, seedPosts, type Expected } from './scale-out-input.ts';

const SEEDS = 12;
const BATCH = 1_500;
/** Posts per ingest job, as API clients send them: many small jobs, so all three processes get some. */
const CHUNK = 50;
const NO_FAILED = { ingest: 0, classify: 0, refer: 0, evidence: 0, liveness: 0 };

describe('three classify worker processes', () => {
  let iso: Isolated;
  let queues: Queues;
  let detector: Detector;
  const classifiers: TidewatchProcess[] = [];
  let ingest: TidewatchProcess | undefined;
  let env: Record<string, string>;
  let seeds: PostInput[];
  /** Expected result of every post sent so far (seeds excluded), by platformPostId. */
  const expected = new Map<string, Expected>();

  beforeAll(async () => {
    iso = await isolate();
    queues = openQueues(createRedis(iso.config.redisUrl), iso.config.queuePrefix);
    await iso.db.prisma.platform.update({ where: { name: AUTO_REFER_PLATFORM }, data: { autoRefer: true } });
    env = {
      DATABASE_URL: iso.databaseUrl,
      REDIS_URL: iso.config.redisUrl,
      QUEUE_PREFIX: iso.config.queuePrefix,
      // A killed process's jobs go back to the queue ~10–14 s after the kill instead of 30–60 s.
      WORKER_LOCK_MS: '10000',
      WORKER_STALLED_INTERVAL_MS: '2000',
    };
    const started = await Promise.all([
      TidewatchProcess.worker('ingest,refer', env),
      ...[1, 2, 3].map(() => TidewatchProcess.worker('classify', env)),
      loadDetector().then((d) => (detector = d)),
    ]);
    ingest = started[0] as TidewatchProcess;
    classifiers.push(...(started.slice(1, 4) as TidewatchProcess[]));
  });
  afterAll(async () => {
    await Promise.all([ingest, ...classifiers].map((w) => w?.stop()));
    if (queues) await closeQueues(queues);
    await iso?.cleanup();
  });

  async function send(posts: readonly PostInput[]): Promise<void> {
    for (let i = 0; i < posts.length; i += CHUNK) await enqueuePosts(queues, posts.slice(i, i + CHUNK));
  }

  /** The end state of everything sent so far, against the offline expectations. */
  async function checkEndState(): Promise<{
    outcomes: Record<string, number>;
    referrals: number;
    network: string;
  }> {
    const state = await pipelineState(iso.db, detector.version);
    expect(state.violations).toEqual(NO_VIOLATIONS);
    expect(await failedJobs(queues)).toEqual(NO_FAILED);
    expect(state.posts).toBe(SEEDS + expected.size);
    const rows = await iso.db.prisma.post.findMany({
      where: { NOT: { platformPostId: { startsWith: 'seed-' } } },
      select: { platformPostId: true, outcome: true, contentHash: true, classifications: { select: { score: true, decision: true } } },
    });
    // Of each content, one post is classified and the others are re-uploads (which copy wins is a race; the count is not).
    const contents = new Set(rows.map((r) => r.contentHash));
    const duplicates = rows.filter((r) => r.outcome === 'duplicate').length;
    expect(duplicates).toBe(rows.length - contents.size);
    const wrong: string[] = [];
    for (const r of rows.filter((p) => p.outcome !== 'duplicate')) {
      const e = expected.get(r.platformPostId)!;
      const c = r.classifications[0]!;
      if (r.outcome !== e.outcome || c.score !== e.score || c.decision !== e.decision) {
        wrong.push(`${r.platformPostId}: ${r.outcome} ${c.score} ${c.decision}, expected ${e.outcome} ${e.score} ${e.decision}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // Referred: the confirmed seeds, and the referral candidates on the auto-referring platform.
    const referred = await iso.db.prisma.referral.findMany({ select: { post: { select: { platformPostId: true } } } });
    const candidatesThere = await iso.db.prisma.post.findMany({
      where: { outcome: 'referral_candidate', platform: { name: AUTO_REFER_PLATFORM } },
      select: { platformPostId: true },
    });
    expect(referred.map((r) => r.post.platformPostId).sort()).toEqual(
      [...seeds.map((s) => s.platformPostId), ...candidatesThere.map((p) => p.platformPostId)].sort(),
    );
    // Networks come out as the connected components of shared contacts, whatever the interleaving.
    expect(await networkProblems(iso.db)).toEqual([]);
    const members = await iso.db.prisma.networkMember.count();
    const networks = await iso.db.prisma.network.count({ where: { mergedIntoId: null, postCount: { gt: 1 } } });
    expect(networks).toBeGreaterThan(0);
    return {
      outcomes: state.outcomes,
      referrals: referred.length,
      network: `${members} posts in networks, ${networks} networks of 2 or more`,
    };
  }

  /** Completed classify jobs per worker process (`processedBy`, host:pid). */
  async function jobsByProcess(): Promise<Map<string, number>> {
    const by = new Map<string, number>();
    for (const j of await queues.classify.getCompleted(0, -1)) by.set(j.processedBy ?? '?', (by.get(j.processedBy ?? '?') ?? 0) + 1);
    return by;
  }

  /** Sends `posts` and records what each must become. */
  function expectAll(posts: readonly PostInput[]): void {
    const confirmed = seeds.map((s) => signatureOf(s.text));
    for (const p of posts) expected.set(p.platformPostId, expectedOf(detector, confirmed, p));
  }

  it('routes every post exactly once, as the detector does offline', async () => {
    // Seeds first: a reviewer confirms each, so their near-duplicates become referral candidates.
    seeds = seedPosts(SEEDS);
    await send(seeds);
    await waitForQuiet(queues, iso.db, 60_000);
    const lead = { id: 'k-scale-out-lead', lead: true };
    const items = await iso.db.prisma.reviewItem.findMany({ select: { id: true } });
    expect(items).toHaveLength(SEEDS);
    for (const item of items) {
      await claimItem(iso.db, item.id, lead, 300);
      await decideItem({ db: iso.db, queues, undoMs: 0 }, item.id, lead, { action: 'confirm', reasonCode: 'smuggling_offer' });
    }

    const batch = batchPosts('a', BATCH, 0, seeds, 0);
    expectAll(batch);
    // Every near-duplicate of a seed is one by the offline rule, so the routing rule is really exercised.
    expect([...expected.values()].filter((e) => e.nearConfirmed)).toHaveLength(2 * SEEDS);
    await send(batch);
    await waitForQuiet(queues, iso.db, 60_000);
    const end = await checkEndState();
    expect(end.outcomes.duplicate).toBeGreaterThanOrEqual(2 * Math.floor(BATCH / 20));
    expect(end.referrals).toBe(SEEDS + 2 * SEEDS);

    // Each of the three really took part (BullMQ records the worker name, host:pid, on every job).
    const ranBy = await jobsByProcess();
    for (const c of classifiers) {
      expect(c.alive).toBe(true);
      expect(ranBy.get(c.workerName) ?? 0).toBeGreaterThan(0);
    }
    console.info(
      `scale-out, 3 classify processes: ${BATCH + 2 * SEEDS} posts, classify jobs per process ${JSON.stringify([...ranBy.values()])}, outcomes ${JSON.stringify(end.outcomes)}, ${end.network}`,
    );
  });

  it('ends the same when one of the three is SIGKILLed mid-run', async () => {
    const batch = batchPosts('b', BATCH, BATCH, seeds, 1);
    expectAll(batch);
    const before = await iso.db.prisma.classification.count();
    // Classify waits until ingest has queued the whole batch, so on a fast machine too all three
    // processes hold jobs at once when it resumes (otherwise classify may keep pace with ingest).
    await queues.classify.pause();
    await send(batch);
    const deadline = Date.now() + 60_000;
    const ingesting = async () =>
      Object.values(await queues.ingest.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).some((n) => n > 0);
    while (await ingesting()) {
      if (Date.now() > deadline) throw new Error('ingest did not finish the batch');
      await sleep(50);
    }
    await queues.classify.resume();
    // Mid-run (a few hundred posts classified, most not), with more jobs active than two processes
    // can hold (3 each): the victim has at least one in hand.
    while (!((await iso.db.prisma.classification.count()) >= before + 200 && (await queues.classify.getActiveCount()) >= 7)) {
      if (Date.now() > deadline) throw new Error('classify never had seven jobs active mid-run');
      await sleep(5);
    }
    const victim = classifiers[1]!;
    const killedAt = Date.now();
    await victim.crash();
    const classifiedAtKill = (await iso.db.prisma.classification.count()) - before;
    expect(classifiedAtKill).toBeLessThan(batch.length);

    await waitForQuiet(queues, iso.db, 75_000);
    const end = await checkEndState();
    expect(end.referrals).toBe(SEEDS + 4 * SEEDS);
    // The killed process's jobs were taken over and run again by the two left.
    const rerun = (await queues.classify.getCompleted(0, -1)).filter(
      (j) => (j.attemptsStarted ?? 0) >= 2 && (j.finishedOn ?? 0) >= killedAt,
    );
    expect(rerun.length).toBeGreaterThanOrEqual(1);
    const survivors = classifiers.filter((c) => c !== victim).map((c) => c.workerName);
    for (const j of rerun) expect(survivors).toContain(j.processedBy);
    expect(victim.alive).toBe(false);
    expect(classifiers.filter((c) => c.alive)).toHaveLength(2);
    expect(ingest!.alive).toBe(true);
    console.info(
      `scale-out, one of 3 classify processes killed at ${classifiedAtKill}/${batch.length} classified: ${rerun.length} jobs re-run, outcomes ${JSON.stringify(end.outcomes)}, ${end.network}`,
    );
  });
});

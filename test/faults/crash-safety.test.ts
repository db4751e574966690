/**
 * Issue #7 point 3: 10,000 posts through separate ingest and classify processes while the
 * classify process is SIGKILLed twice with jobs in flight and restarted. BullMQ's stalled-job check
 * hands the orphaned jobs to the new process; idempotent writes make the re-runs converge.
 * In the end every post exists once, every non-duplicate one has exactly one Classification and
 * one outcome, review items and referrals exactly where the outcome calls for them, and no job
 * was dropped into the failed set.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveVersion } from '../../detector/model/storage.ts';
import { closeQueues, createRedis, openQueues, type Queues } from '../../core/queues.ts';
import { runCli } from '../cli.ts';
import { isolate, type Isolated } from '../isolation.ts';
import { writeCorpusFile } from './corpus-posts.ts';
import { failedJobs, NO_VIOLATIONS, pipelineState, waitForQuiet } from './exactly-once.ts';
import { TidewatchProcess } from './tidewatch-process.ts';
import { phaseClock } from './phase-clock.ts';

const N = 10_000;

describe('crash safety: classify process SIGKILLed twice mid-run', () => {
  let iso: Isolated;
  let dir: string;
  let queues: Queues;
  const redis = () => createRedis(iso.config.redisUrl);
  const workers: TidewatchProcess[] = [];

  beforeAll(async () => {
    iso = await isolate();
    dir = mkdtempSync(path.join(tmpdir(), 'tw-crash-'));
    queues = openQueues(redis(), iso.config.queuePrefix);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    if (queues) await closeQueues(queues);
    await iso?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ends with exactly one Classification and one outcome per post, none lost, none duplicated', async () => {
    const { phases, mark } = phaseClock();
    // Referral candidates on telegram become automated referrals, so `refer` runs for real too.
    await iso.db.prisma.platform.update({ where: { name: 'telegram' }, data: { autoRefer: true } });
    const corpus = writeCorpusFile(path.join(dir, 'posts.jsonl'), N, 'crash');
    const env = {
      DATABASE_URL: iso.databaseUrl,
      REDIS_URL: iso.config.redisUrl,
      QUEUE_PREFIX: iso.config.queuePrefix,
      EVIDENCE_CAPTURE: 'off',
      // Orphaned jobs go back to the queue ~10–14 s after the kill instead of 30–60 s.
      WORKER_LOCK_MS: '10000',
      WORKER_STALLED_INTERVAL_MS: '2000',
    };
    const [ingestWorker, firstClassify] = await Promise.all([
      TidewatchProcess.worker('ingest,refer', env),
      TidewatchProcess.worker('classify', env),
    ]);
    workers.push(ingestWorker, firstClassify);
    mark('workers up');
    const ingest = runCli(['ingest', corpus.file, '--no-progress'], env);

    const classified = () => iso.db.prisma.classification.count();
    const toClassify = N - corpus.reUploads;
    const kills: { classifiedAtKill: number; orphanedActiveJobs: number }[] = [];
    let classify = firstClassify;
    for (const threshold of [2_000, 5_000]) {
      const deadline = Date.now() + 120_000;
      // Wait until the process is mid-run: past the threshold, not finished, a job in its hands.
      while (!((await classified()) >= threshold && (await queues.classify.getActiveCount()) > 0)) {
        if (Date.now() > deadline) throw new Error(`classify never reached ${threshold} posts with a job active`);
        await sleep(50);
      }
      mark(`kill ${kills.length + 1}`);
      await classify.crash();
      const classifiedAtKill = await classified();
      // The killed process's jobs are still `active` in Redis, with nobody working on them.
      const orphanedActiveJobs = await queues.classify.getActiveCount();
      kills.push({ classifiedAtKill, orphanedActiveJobs });
      expect(classifiedAtKill).toBeLessThan(toClassify);
      expect(orphanedActiveJobs).toBeGreaterThan(0);
      classify = await TidewatchProcess.worker('classify', env);
      workers.push(classify);
      mark('restarted');
    }

    const cli = await ingest;
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`queued ${N} posts`);
    mark('ingest CLI done');
    await waitForQuiet(queues, iso.db, 150_000);
    mark('drained');

    const state = await pipelineState(iso.db, resolveVersion());
    expect(state.violations).toEqual(NO_VIOLATIONS);
    expect(state.posts).toBe(N);
    expect(state.outcomes.duplicate).toBe(corpus.reUploads);
    expect(state.classifications).toBe(toClassify);
    expect(state.reviewItems).toBe((state.outcomes.review ?? 0) + (state.outcomes.referral_candidate ?? 0));
    const telegramCandidates = await iso.db.prisma.post.count({ where: { outcome: 'referral_candidate', platform: { name: 'telegram' } } });
    expect(telegramCandidates).toBeGreaterThan(0);
    expect(state.referrals).toBe(telegramCandidates);
    expect(await failedJobs(queues)).toEqual({ ingest: 0, classify: 0, refer: 0, evidence: 0, liveness: 0 });

    // The orphaned jobs really were taken over and run again by a later process.
    const rerun = (await queues.classify.getCompleted(0, -1)).filter((j) => (j.attemptsStarted ?? 0) >= 2);
    expect(rerun.length).toBeGreaterThanOrEqual(2);
    expect(ingestWorker.alive).toBe(true);

    console.info(
      `crash-safety: ${N} posts, kills at ${kills.map((k) => `${k.classifiedAtKill} classified/${k.orphanedActiveJobs} jobs orphaned`).join(', ')}; ` +
        `${rerun.length} classify jobs re-run; outcomes ${JSON.stringify(state.outcomes)}; referrals ${state.referrals}; ${phases.join(', ')}`,
    );
  });
});

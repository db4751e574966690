/**
 * Issue #7 point 4, PostgreSQL: the workers reach the database through a TCP proxy that is cut
 * (open connections reset, new ones refused) for 8 s while posts are being ingested and
 * classified. Jobs that fail meanwhile are retried with exponential backoff (JOB_DEFAULTS) and
 * succeed once the database is back; the worker process survives its pool's connection errors;
 * every post ends classified exactly once and no job exhausts its attempts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveVersion } from '../../detector/model/storage.ts';
import { closeQueues, createRedis, openQueues, type Queues } from '../../core/queues.ts';
import { JOB_DEFAULTS } from '../../core/jobs.ts';
import { isolate, type Isolated } from '../isolation.ts';
import { writeCorpusFile } from './corpus-posts.ts';
import { failedJobs, NO_VIOLATIONS, pipelineState, waitForQuiet } from './exactly-once.ts';
import { CuttableProxy } from './tcp-proxy.ts';
import { TidewatchProcess } from './tidewatch-process.ts';
import { phaseClock } from './phase-clock.ts';

const N = 3_000;
const OUTAGE_MS = 8_000;

describe('PostgreSQL unreachable for a while during ingest', () => {
  let iso: Isolated;
  let dir: string;
  let proxy: CuttableProxy;
  let queues: Queues;
  let worker: TidewatchProcess | undefined;

  beforeAll(async () => {
    iso = await isolate();
    dir = mkdtempSync(path.join(tmpdir(), 'tw-dbout-'));
    const target = new URL(iso.databaseUrl);
    proxy = await CuttableProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    queues = openQueues(createRedis(iso.config.redisUrl), iso.config.queuePrefix);
  });
  afterAll(async () => {
    await worker?.stop();
    await proxy?.close();
    if (queues) await closeQueues(queues);
    await iso?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('retries failed jobs with backoff, keeps the workers alive, and loses nothing', async () => {
    const { phases, mark } = phaseClock();
    await iso.db.prisma.platform.update({ where: { name: 'telegram' }, data: { autoRefer: true } });
    const corpus = writeCorpusFile(path.join(dir, 'posts.jsonl'), N, 'dbout');
    const common = { REDIS_URL: iso.config.redisUrl, QUEUE_PREFIX: iso.config.queuePrefix, EVIDENCE_CAPTURE: 'off' };
    // Only the workers go through the proxy; the ingest client talks to Redis (and reads platforms directly).
    worker = await TidewatchProcess.worker('ingest,classify,refer', { ...common, DATABASE_URL: proxy.urlFor(iso.databaseUrl) });
    mark('worker up');
    const ingest = new TidewatchProcess(['ingest', corpus.file, '--no-progress'], {
      ...common,
      DATABASE_URL: iso.databaseUrl,
      LOG_LEVEL: 'warn',
    });

    // Cut once the first chunk is stored: ingest jobs are still queued, classify jobs running.
    const deadline = Date.now() + 150_000;
    while ((await iso.db.prisma.post.count()) < 250) {
      if (Date.now() > deadline || (!ingest.alive && (await ingest.exited).code !== 0)) {
        throw new Error(`ingest never started; ingest CLI: ${ingest.output}\nworker: ${worker.output}`);
      }
      await sleep(50);
    }
    const postsAtCut = await iso.db.prisma.post.count();
    const classifiedAtCut = await iso.db.prisma.classification.count();
    proxy.cut();
    mark(`cut at ${postsAtCut} posts/${classifiedAtCut} classified`);
    await sleep(OUTAGE_MS);
    const failuresDuringOutage = worker.logLines('job failed').length;
    expect(worker.alive).toBe(true);
    proxy.restore();
    mark('restored');

    expect(await ingest.exited, ingest.output).toEqual({ code: 0, signal: null });
    expect(ingest.output).toContain(`queued ${N} posts`);
    await waitForQuiet(queues, iso.db, 150_000);
    mark('drained');

    const state = await pipelineState(iso.db, resolveVersion());
    expect(postsAtCut).toBeLessThan(N);
    expect(state.violations).toEqual(NO_VIOLATIONS);
    expect(state.posts).toBe(N);
    expect(state.outcomes.duplicate).toBe(corpus.reUploads);
    expect(state.classifications).toBe(N - corpus.reUploads);
    const telegramCandidates = await iso.db.prisma.post.count({ where: { outcome: 'referral_candidate', platform: { name: 'telegram' } } });
    expect(state.referrals).toBe(telegramCandidates);
    expect(await failedJobs(queues)).toEqual({ ingest: 0, classify: 0, refer: 0, evidence: 0, liveness: 0 });
    expect(worker.alive).toBe(true);

    // Jobs did fail while the database was away, and each retry came after its backoff delay.
    expect(proxy.resets).toBeGreaterThan(0);
    expect(failuresDuringOutage).toBeGreaterThan(0);
    const failures = worker.logLines('job failed') as { queue: string; jobId: string; attempt: number; time: number }[];
    const byJob = new Map<string, typeof failures>();
    for (const f of failures) byJob.set(`${f.queue}:${f.jobId}`, [...(byJob.get(`${f.queue}:${f.jobId}`) ?? []), f]);
    const backoff = JOB_DEFAULTS.backoff as { delay: number };
    let repeatFailures = 0;
    for (const fails of byJob.values()) {
      fails.sort((x, y) => x.attempt - y.attempt);
      expect(Math.max(...fails.map((f) => f.attempt))).toBeLessThan(JOB_DEFAULTS.attempts!);
      for (let i = 1; i < fails.length; i++) {
        const waited = fails[i]!.time - fails[i - 1]!.time;
        // After the k-th failure BullMQ waits delay × 2^(k-1) before the next attempt. The log line
        // of a failure is written after BullMQ scheduled the retry, a little late on a busy
        // machine, hence the margin; without backoff the gap would be milliseconds.
        expect(waited).toBeGreaterThanOrEqual(0.75 * backoff.delay * 2 ** (fails[i - 1]!.attempt - 1));
        repeatFailures += 1;
      }
    }
    const retried = (await Promise.all((['ingest', 'classify', 'refer'] as const).map((q) => queues[q].getCompleted(0, -1))))
      .flat()
      // attemptsMade counts the successful attempt too: > 1 means it failed before it succeeded.
      .filter((j) => j.attemptsMade > 1);
    // Every job that failed during the outage completed afterwards.
    expect(retried.length).toBe(byJob.size);
    console.info(
      `db-outage: ${N} posts, ${OUTAGE_MS / 1000} s outage, ${proxy.resets} connections reset, ${failures.length} job failures ` +
        `(${byJob.size} jobs, ${repeatFailures} repeat failures), ${retried.length} jobs completed after retries; ${phases.join(', ')}; ` +
        `errors seen: ${JSON.stringify([...new Set(failures.map((f) => (f as { err?: string }).err?.slice(0, 120)))])}`,
    );
  });
});

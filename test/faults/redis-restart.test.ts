/**
 * Issue #7 point 4, Redis: a private redis-server with the append-only file on
 * (`appendfsync always`) is shut down gracefully, and later SIGKILLed, while posts are being
 * ingested and processed; each time it comes back on the same port and directory a few seconds
 * later. Workers reconnect on their own (ioredis retry, BullMQ `maxRetriesPerRequest: null`); the
 * ingest CLI started during the outage waits for Redis and then succeeds; a producer whose
 * `addBulk` calls straddle the crash gets every call answered once Redis is back. Every accepted
 * post ends classified exactly once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostInput } from '../../core/post-input.ts';
import { resolveVersion } from '../../detector/model/storage.ts';
import { enqueuePosts } from '../../core/jobs.ts';
import { closeQueues, createRedis, openQueues, type Queues } from '../../core/queues.ts';
import { INGEST_CHUNK } from '../../core/jobs.ts';
import { runCli } from '../cli.ts';
import { isolate, type Isolated } from '../isolation.ts';
import { AofRedis } from './aof-redis.ts';
import { writeCorpusFile } from './corpus-posts.ts';
import { failedJobs, NO_VIOLATIONS, pipelineState, waitForQuiet } from './exactly-once.ts';
import { TidewatchProcess } from './tidewatch-process.ts';
import { phaseClock } from './phase-clock.ts';

// Four ingest chunks a phase, so "mid-run" (some chunks classified, some pending) lasts long enough
// to hit whatever the chunk size: with two chunks both classify jobs could commit together and the
// pipeline go from nothing classified to done between two looks.
const PER_PHASE = 4 * INGEST_CHUNK;

describe('Redis restarted during ingest (append-only file on)', () => {
  let redis: AofRedis;
  let iso: Isolated;
  let dir: string;
  let queues: Queues;
  let worker: TidewatchProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tw-redis-'));
    redis = await AofRedis.start(dir);
    iso = await isolate({ REDIS_URL: redis.url });
    queues = openQueues(createRedis(redis.url), iso.config.queuePrefix);
    // Connection errors while Redis is down are expected here; without a listener BullMQ prints each.
    for (const q of Object.values(queues)) q.on('error', () => undefined);
  });
  afterAll(async () => {
    await worker?.stop();
    if (queues) await closeQueues(queues);
    await iso?.cleanup();
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('workers reconnect, ingest clients succeed, and every accepted post is classified exactly once', async () => {
    const { phases, mark } = phaseClock();
    const env = {
      DATABASE_URL: iso.databaseUrl,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: iso.config.queuePrefix,
      EVIDENCE_CAPTURE: 'off',
      WORKER_LOCK_MS: '10000',
      WORKER_STALLED_INTERVAL_MS: '2000',
    };
    const files = ['a', 'b', 'c'].map((tag) => writeCorpusFile(path.join(dir, `${tag}.jsonl`), PER_PHASE, `redis-${tag}`));
    worker = await TidewatchProcess.worker('ingest,classify,refer', env);
    mark('worker up');
    const classified = () => iso.db.prisma.classification.count();
    const midRun = async (atLeast: number) => {
      const deadline = Date.now() + 90_000;
      while (!((await classified()) >= atLeast && (await iso.db.prisma.post.count({ where: { outcome: 'pending' } })) > 0)) {
        if (Date.now() > deadline) throw new Error(`pipeline never mid-run past ${atLeast} classified`);
        await sleep(50);
      }
    };

    // Phase 1: a file ingested while Redis is up.
    const a = await runCli(['ingest', files[0]!.file, '--no-progress'], env);
    expect(a.code, a.stderr).toBe(0);
    mark('file a queued');

    // Phase 2: graceful shutdown mid-run; a CLI ingest is started while Redis is down.
    await midRun(INGEST_CHUNK);
    await redis.shutdown();
    mark('redis shut down');
    const b = new TidewatchProcess(['ingest', files[1]!.file, '--no-progress'], { ...env, LOG_LEVEL: 'warn' });
    // Keep Redis down until the CLI is really waiting on it (it says so), and at least 4 s.
    await Promise.all([b.waitFor('redis connection error'), sleep(4_000)]);
    mark('ingest CLI waiting for redis');
    expect(worker.alive).toBe(true);
    await redis.restart();
    mark('redis restarted');
    expect(await b.exited).toEqual({ code: 0, signal: null });
    expect(b.output).toContain(`queued ${PER_PHASE} posts`);
    mark('file b queued');

    // Phase 3: SIGKILL while a producer's addBulk calls are in flight (and workers are busy with file b).
    const posts = readFileSync(files[2]!.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as PostInput);
    let accepted = 0;
    const producer = (async () => {
      for (let i = 0; i < posts.length; i += 50) {
        await enqueuePosts(queues, posts.slice(i, i + 50));
        accepted += Math.min(50, posts.length - i);
        await sleep(40);
      }
    })();
    while (accepted < 200) await sleep(5);
    await redis.crash();
    mark(`redis SIGKILLed after ${accepted} accepted`);
    expect(accepted).toBeLessThan(posts.length);
    await sleep(2_000);
    expect(worker.alive).toBe(true);
    await redis.restart();
    mark('redis restarted');
    await producer;
    expect(accepted).toBe(posts.length);
    mark('file c queued');

    await waitForQuiet(queues, iso.db, 150_000);
    mark('drained');
    const state = await pipelineState(iso.db, resolveVersion());
    expect(state.violations).toEqual(NO_VIOLATIONS);
    const reUploads = files.reduce((s, f) => s + f.reUploads, 0);
    expect(state.posts).toBe(3 * PER_PHASE);
    expect(state.outcomes.duplicate).toBe(reUploads);
    expect(state.classifications).toBe(3 * PER_PHASE - reUploads);
    expect(await failedJobs(queues)).toEqual({ ingest: 0, classify: 0, refer: 0, evidence: 0, liveness: 0 });

    // It really was a restart each time (a fresh server that replayed the append-only file), and the
    // same worker process rode through both.
    expect(redis.starts).toBe(3);
    const probe = new Redis(redis.url);
    const info = await probe.info('persistence');
    probe.disconnect();
    expect(info).toContain('aof_enabled:1');
    expect(worker.alive).toBe(true);
    console.info(`redis-restart: ${3 * PER_PHASE} posts, outcomes ${JSON.stringify(state.outcomes)}; ${phases.join(', ')}`);
  });
});

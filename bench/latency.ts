/**
 * (g) and (h), the latencies a person sees: a flagged post to its review item in the listing, and
 * a reviewer's confirm to the platform's webhook. One database and queue prefix (dropped after),
 * a `tidewatch api` and the two workers as docker-compose.yml runs them (`classify`, and
 * `ingest,refer,evidence,liveness`), a fake platform on 127.0.0.1 receiving webhooks. Evidence
 * capture off, REVIEW_UNDO_SECONDS=0 (a confirmation's refer job would otherwise wait out the undo
 * window), liveness checks off, rate limits off. A warm-up posts the whole corpus once, which
 * loads the model and picks the texts the detector routes to review; then ANALYZE.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { createApiKey } from '../api/auth/keys.ts';
import { createDb } from '../core/db/index.ts';
import { closeQueues, createRedis, dropQueuePrefix, openQueues, type QueueName, type Queues } from '../core/queues.ts';
import type { PostInput } from '../core/post-input.ts';
import { generateSigningSecret } from '../referrals/secrets.ts';
import { startFakePlatform, useFakePlatform } from '../test/fake-platform.ts';
import { adminQuery, corpusPosts, createBenchDb, REDIS_URL, spawnTidewatch, until, type Spawned } from './bench-env.ts';
import {
  measureConfirmToWebhook,
  WEBHOOK_PLATFORM,
  type ConfirmToWebhookOptions,
  type ConfirmToWebhookResult,
} from './confirm-to-webhook.ts';
import { measureFlagToReview, type FlagToReviewOptions, type FlagToReviewResult } from './flag-to-review.ts';
import { CpuMeter, machineShares, machineTicks, postgresBackendsOf, redisServers } from './proc-stats.ts';
import { freePort } from './review-api.ts';
import type { LatencyEnv, Measured } from './latency-env.ts';
import { BackendSampler, RunQueueMeter } from './wait-profile.ts';

export type { LatencyEnv, Measured } from './latency-env.ts';

export interface LatencyOptions {
  g?: FlagToReviewOptions | undefined;
  h?: ConfirmToWebhookOptions | undefined;
  keep?: boolean | undefined;
}

export interface LatencyResult {
  g?: FlagToReviewResult;
  h?: ConfirmToWebhookResult;
  warmup: { posts: number; seconds: number; reviewTexts: number };
  /** Error log lines (pino level ≥ 50) of each process over the whole run: how many, the first few. */
  errorLogs: Record<string, { count: number; first: string[] }>;
}

/** Counts a spawned process's error log lines (its stdout is pino JSON, one object a line). */
function watchErrors(p: Spawned, into: LatencyResult['errorLogs']): void {
  const seen = (into[p.name] = { count: 0, first: [] as string[] });
  let rest = '';
  p.child.stdout?.on('data', (d: Buffer) => {
    const lines = (rest + d.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"level":5') && !line.includes('"level":6')) continue;
      seen.count++;
      if (seen.first.length < 3) {
        try {
          const o = JSON.parse(line) as { msg?: string; err?: { message?: string } };
          seen.first.push(`${o.msg ?? ''}${o.err?.message ? `: ${o.err.message}` : ''}`.slice(0, 300));
        } catch {
          seen.first.push(line.slice(0, 300));
        }
      }
    }
  });
}

const BUSY = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;
export async function outstanding(queues: Queues, names: QueueName[]): Promise<number> {
  const counts = await Promise.all(names.map((n) => queues[n].getJobCounts(...BUSY)));
  return counts.reduce((s, c) => s + Object.values(c).reduce((a, b) => a + b, 0), 0);
}

/** Starts recording the machine's load and CPU, each process's CPU and run-queue time, and the backends' activity. */
async function startMeasuring(processes: Spawned[], dbName: string): Promise<() => Promise<Measured>> {
  const groups = {
    ...Object.fromEntries(processes.map((p) => [p.name, () => (p.child.pid ? [p.child.pid] : [])])),
    'postgres (this database)': postgresBackendsOf(dbName),
    'redis (whole server)': redisServers,
    'bench driver (and fake platform)': () => [process.pid],
  };
  const meter = new CpuMeter(groups);
  const runQueue = new RunQueueMeter(groups);
  const sampler = new BackendSampler(dbName);
  await sampler.start();
  const loadAvgBefore = os.loadavg();
  const ticks = machineTicks();
  meter.start();
  runQueue.start();
  return async () => ({
    cpuSeconds: meter.stop(),
    runQueue: runQueue.stop(),
    machine: machineShares(ticks, machineTicks()),
    loadAvgBefore,
    loadAvgAfter: os.loadavg(),
    backends: await sampler.stop(),
  });
}

export async function measureLatency(opts: LatencyOptions): Promise<LatencyResult> {
  const db = await createBenchDb('latency');
  const prefix = `bench-lat-${randomBytes(3).toString('hex')}`;
  const secret = generateSigningSecret();
  const fake = await startFakePlatform(secret);
  const keysDb = createDb(db.url, 1);
  const redis = createRedis(REDIS_URL);
  const queues = openQueues(redis, prefix);
  const sql = new pg.Client({ connectionString: db.url });
  const processes: Spawned[] = [];
  try {
    await sql.connect();
    // A profile of the database's side: statements slower than this go to the server's log.
    const slowMs = process.env.BENCH_LOG_MIN_DURATION_MS;
    if (slowMs) await sql.query(`ALTER DATABASE ${db.name} SET log_min_duration_statement = ${Number(slowMs)}`);
    // Set before the processes start, so none caches the platform's old delivery mode.
    await useFakePlatform(keysDb, WEBHOOK_PLATFORM, fake, secret);
    const key = async (role: 'ingest' | 'analyst' | 'reviewer') =>
      (await createApiKey(keysDb, { role, name: `bench ${role}`, createdBy: 'bench' })).key;
    const keys = { ingest: await key('ingest'), analyst: await key('analyst'), reviewer: await key('reviewer') };
    await keysDb.close();

    const port = await freePort();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      API_PORT: String(port),
      EVIDENCE_CAPTURE: 'off',
      REVIEW_UNDO_SECONDS: '0',
      LIVENESS_SCHEDULE: 'off',
      FETCH_ALLOW_HOSTS: fake.hostPort,
      RATE_LIMIT: 'off',
      NOTIFIER_NAME: 'Tidewatch bench',
      NOTIFIER_EMAIL: 'bench@tidewatch.test',
    };
    processes.push(spawnTidewatch('api', ['api'], env));
    processes.push(spawnTidewatch('classify worker', ['worker', '--queues', 'classify'], env));
    processes.push(spawnTidewatch('io worker', ['worker', '--queues', 'ingest,refer,evidence,liveness'], env));
    const errorLogs: LatencyResult['errorLogs'] = {};
    for (const p of processes) watchErrors(p, errorLogs);
    const base = `http://127.0.0.1:${port}`;
    await until(
      async () =>
        (await fetch(`${base}/healthz`).catch(() => undefined))?.ok === true &&
        (await queues.ingest.getWorkersCount()) >= 1 &&
        (await queues.classify.getWorkersCount()) >= 1 &&
        (await queues.refer.getWorkersCount()) >= 1,
      'the API and workers to start',
      120_000,
      250,
      processes,
    );

    const postPosts = async (posts: PostInput[]) => {
      const res = await fetch(`${base}/v1/posts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.ingest}`, 'content-type': 'application/json' },
        body: JSON.stringify({ posts }),
      });
      const body =
        res.status === 202 ? ((await res.json()) as { accepted: { index: number; id: string }[] }) : (await res.text(), undefined);
      return { status: res.status, accepted: body?.accepted ?? [] };
    };
    const count = async (q: string, params: unknown[]) => Number((await sql.query<{ n: string }>(q, params)).rows[0]!.n);
    const drained = (idPrefix: string, expected: number, timeoutMs: number) =>
      until(
        async () =>
          (await outstanding(queues, ['ingest', 'classify'])) === 0 &&
          (await count(`SELECT count(*) AS n FROM "Post" WHERE "platformPostId" LIKE $1 AND outcome <> 'pending'`, [`${idPrefix}%`])) >=
            expected,
        `posts ${idPrefix}… to be routed`,
        timeoutMs,
        200,
        processes,
      );

    // Warm-up: the whole corpus once; its review-bound texts are what (g) and (h) post.
    const run = randomBytes(2).toString('hex');
    const warm = corpusPosts(4_780, `w${run}-`);
    const t0 = performance.now();
    for (let i = 0; i < warm.length; i += 1_000) {
      const r = await postPosts(warm.slice(i, i + 1_000));
      if (r.status !== 202) throw new Error(`warm-up POST /v1/posts: ${r.status}`);
    }
    await drained(`w${run}-`, warm.length, 600_000);
    const warmSeconds = (performance.now() - t0) / 1_000;
    const toReview = new Set(
      (
        await sql.query<{ id: string }>(
          `SELECT "platformPostId" AS id FROM "Post" WHERE "platformPostId" LIKE $1 AND outcome IN ('review', 'referral_candidate')`,
          [`w${run}-%`],
        )
      ).rows.map((r) => r.id),
    );
    const reviewTexts = warm
      .filter((p) => toReview.has(p.platformPostId))
      .map((p) => ({ text: p.text.slice(0, p.text.lastIndexOf(' #')), lang: p.lang }));
    if (!reviewTexts.length) throw new Error('warm-up: no corpus post went to review');
    // Statistics as a database in service has them (this server runs with autovacuum off): without,
    // listing pages took 4–7 s at 60,000 open items (docs/performance-log.md).
    await sql.query('ANALYZE');

    const startMeasure = () => startMeasuring(processes, db.name);
    const analyzeWhileRunning = async () => {
      const { rows } = await sql.query<{ autovacuum: string }>('SHOW autovacuum');
      if (rows[0]?.autovacuum === 'on') return () => {};
      const timer = setInterval(() => void adminQuery('ANALYZE', db.url).catch(() => {}), 30_000);
      return () => clearInterval(timer);
    };
    const le: LatencyEnv = {
      base,
      keys,
      sql,
      queues,
      fake,
      processes,
      reviewTexts,
      run,
      postPosts,
      drained,
      startMeasuring: startMeasure,
      analyzeWhileRunning,
    };
    const result: LatencyResult = { warmup: { posts: warm.length, seconds: warmSeconds, reviewTexts: reviewTexts.length }, errorLogs };
    if (opts.g) result.g = await measureFlagToReview(le, opts.g);
    if (opts.h) result.h = await measureConfirmToWebhook(le, opts.h);
    return result;
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await sql.end().catch(() => {});
    await closeQueues(queues);
    redis.disconnect();
    await fake.close();
    await dropQueuePrefix(REDIS_URL, prefix);
    if (!opts.keep) await db.drop();
    else console.log(`kept database ${db.name}`);
  }
}

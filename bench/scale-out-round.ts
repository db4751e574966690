/**
 * One round of the scale-out benchmark (issue #20 point 4(i)): the pipeline with one
 * `tidewatch worker --queues ingest,refer` and `classifyProcesses` × `tidewatch worker --queues
 * classify`, as docker-compose.yml runs them (scaled with `--scale`), against one Redis and one
 * PostgreSQL. Each stage's rate comes from its own completed jobs: items over the span from its
 * first job's start to its last job's end, so a stage that finishes early is not diluted by the
 * stages after it. Own database and queue prefix, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Job, Queue } from 'bullmq';
import pg from 'pg';
import { enqueuePosts } from '../core/jobs.ts';
import { closeQueues, createRedis, dropQueuePrefix, openQueues, type QueueName, type Queues } from '../core/queues.ts';
import { CpuMeter, machineShares, machineTicks, postgresBackendsOf, redisServers } from './proc-stats.ts';
import { corpusPosts, createBenchDb, REDIS_URL, spawnTidewatch, until, type Spawned } from './bench-env.ts';

export interface StageRate {
  jobs: number;
  /** Posts the stage handled (ingest: stored; classify: classified and routed; refer: candidates). */
  posts: number;
  /** First job's start to last job's end, s. */
  seconds: number;
  postsPerSec: number;
  jobsPerSec: number;
}

export interface ScaleOutRound {
  classifyProcesses: number;
  posts: number;
  /** Enqueue until every post is routed and ingest + classify are drained. */
  seconds: number;
  postsPerSec: number;
  stages: Record<'ingest' | 'classify' | 'refer', StageRate>;
  /** Classify jobs each classify process ran (BullMQ's `processedBy`, host:pid). */
  classifyJobsByProcess: Record<string, number>;
  outcomes: Record<string, number>;
  /** CPU ms per post of each worker process, the database's backends and Redis. */
  cpuMsPerPost: Record<string, number>;
  rssMb: Record<string, number | undefined>;
  machine: { busy: number; idle: number; steal: number };
}

const BUSY = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

async function outstanding(queues: Queues, names: QueueName[]): Promise<number> {
  const counts = await Promise.all(names.map((n) => queues[n].getJobCounts(...BUSY)));
  return counts.reduce((s, c) => s + Object.values(c).reduce((a, b) => a + b, 0), 0);
}

/** A stage's rate from its jobs completed since `since` (BullMQ keeps 10,000 per queue for an hour). */
async function stageRate(queue: Queue, since: number, postsOf: (job: Job) => number): Promise<StageRate> {
  const jobs = (await queue.getCompleted(0, -1)).filter((j) => (j.processedOn ?? 0) >= since);
  if (!jobs.length) return { jobs: 0, posts: 0, seconds: 0, postsPerSec: 0, jobsPerSec: 0 };
  const start = Math.min(...jobs.map((j) => j.processedOn!));
  const end = Math.max(...jobs.map((j) => j.finishedOn ?? 0));
  const seconds = Math.max(end - start, 1) / 1_000;
  const posts = jobs.reduce((s, j) => s + postsOf(j), 0);
  return { jobs: jobs.length, posts, seconds, postsPerSec: posts / seconds, jobsPerSec: jobs.length / seconds };
}

const returned = (j: Job, key: string) => Number((j.returnvalue as Record<string, unknown> | null)?.[key] ?? 0);

export async function measureScaleOutRound(opts: { posts: number; classifyProcesses: number; keep?: boolean }): Promise<ScaleOutRound> {
  const db = await createBenchDb('scaleout');
  const prefix = `bench-${randomBytes(3).toString('hex')}`;
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    EVIDENCE_CAPTURE: 'off',
    NOTIFIER_NAME: 'Tidewatch bench',
    NOTIFIER_EMAIL: 'bench@tidewatch.test',
  };
  const redis = createRedis(REDIS_URL);
  const queues = openQueues(redis, prefix);
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const workers: Spawned[] = [];
  const count = async (q: string) => Number((await sql.query<{ n: string }>(q)).rows[0]!.n);
  const routed = () => count(`SELECT count(*) AS n FROM "Post" WHERE outcome <> 'pending'`);
  try {
    workers.push(spawnTidewatch('ingest worker', ['worker', '--queues', 'ingest,refer'], env));
    for (let i = 1; i <= opts.classifyProcesses; i++) {
      workers.push(spawnTidewatch(`classify worker ${i}`, ['worker', '--queues', 'classify'], env));
    }
    await until(
      async () =>
        (await queues.ingest.getWorkersCount()) >= 1 &&
        (await queues.classify.getWorkersCount()) >= opts.classifyProcesses &&
        (await queues.refer.getWorkersCount()) >= 1,
      'workers to start',
      180_000,
      250,
      workers,
    );

    // Warm-up in small chunks, so every classify process gets jobs (model load, JIT) before timing.
    const warm = corpusPosts(500 * opts.classifyProcesses, 'warm');
    for (let i = 0; i < warm.length; i += 50) await enqueuePosts(queues, warm.slice(i, i + 50));
    await until(
      async () => (await routed()) === warm.length && (await outstanding(queues, ['ingest', 'classify', 'refer'])) === 0,
      'the warm-up batch',
      300_000,
      100,
      workers,
    );

    const posts = corpusPosts(opts.posts);
    const meter = new CpuMeter({
      ...Object.fromEntries(workers.map((w) => [w.name, () => (w.child.pid ? [w.child.pid] : [])])),
      'postgres (this database)': postgresBackendsOf(db.name),
      'redis (whole server)': redisServers,
    });
    meter.start();
    const ticks = machineTicks();
    const since = Date.now();
    const t0 = performance.now();
    // As the API and `tidewatch ingest` do: 1,000-post ingest jobs, each one classify job.
    await enqueuePosts(queues, posts);
    const total = warm.length + opts.posts;
    await until(
      async () => (await outstanding(queues, ['ingest', 'classify'])) === 0 && (await routed()) === total,
      'the pipeline to route every post',
      30 * 60_000,
      50,
      workers,
    );
    const seconds = (performance.now() - t0) / 1_000;
    await until(async () => (await outstanding(queues, ['refer'])) === 0, 'the refer queue', 30 * 60_000, 50, workers);
    const cpu = meter.stop();
    const machine = machineShares(ticks, machineTicks());
    const rssMb = Object.fromEntries(workers.map((w) => [w.name, w.peakRssMb()]));

    // Several processes must still give one Classification per routed post and one review item per post to review.
    const notDuplicate = total - (await count(`SELECT count(*) AS n FROM "Post" WHERE outcome = 'duplicate'`));
    const classifications = await count(`SELECT count(*) AS n FROM "Classification"`);
    const classifiedPosts = await count(`SELECT count(DISTINCT "postId") AS n FROM "Classification"`);
    const toReview = await count(`SELECT count(*) AS n FROM "Post" WHERE outcome IN ('review', 'referral_candidate')`);
    const reviewItems = await count(`SELECT count(*) AS n FROM "ReviewItem"`);
    if (classifications !== notDuplicate || classifiedPosts !== notDuplicate || reviewItems !== toReview) {
      throw new Error(
        `pipeline result wrong with ${opts.classifyProcesses} classify processes: ${classifications} classifications of ${classifiedPosts} posts for ${notDuplicate}, ${reviewItems} review items for ${toReview}`,
      );
    }
    const outcomes = Object.fromEntries(
      (
        await sql.query<{ outcome: string; n: string }>(
          `SELECT outcome, count(*) AS n FROM "Post" WHERE "platformPostId" NOT LIKE 'warm-%' GROUP BY 1`,
        )
      ).rows.map((r) => [r.outcome, Number(r.n)]),
    );
    const byName = new Map(workers.map((w) => [`${hostname()}:${w.child.pid}`, w.name]));
    const classifyJobsByProcess: Record<string, number> = Object.fromEntries(
      workers.filter((w) => w.name.startsWith('classify')).map((w) => [w.name, 0]),
    );
    for (const j of await queues.classify.getCompleted(0, -1)) {
      if ((j.processedOn ?? 0) < since) continue;
      const name = byName.get(j.processedBy ?? '') ?? (j.processedBy || 'unknown');
      classifyJobsByProcess[name] = (classifyJobsByProcess[name] ?? 0) + 1;
    }
    return {
      classifyProcesses: opts.classifyProcesses,
      classifyJobsByProcess,
      posts: opts.posts,
      seconds,
      postsPerSec: opts.posts / seconds,
      stages: {
        ingest: await stageRate(queues.ingest, since, (j) => returned(j, 'persisted')),
        classify: await stageRate(queues.classify, since, (j) => returned(j, 'classified')),
        refer: await stageRate(queues.refer, since, (j) => (j.data as { postIds?: string[] }).postIds?.length ?? 1),
      },
      outcomes,
      cpuMsPerPost: Object.fromEntries(Object.entries(cpu).map(([k, s]) => [k, (s * 1_000) / opts.posts])),
      rssMb,
      machine,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await sql.end();
    await closeQueues(queues);
    redis.disconnect();
    await dropQueuePrefix(REDIS_URL, prefix);
    if (!opts.keep) await db.drop();
    else console.log(`kept database ${db.name}`);
  }
}

/** A round as printed rows: label, value. */
export function scaleOutRows(r: ScaleOutRound): [string, string][] {
  const f = (v: number, d = 0) => v.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
  const rows: [string, string][] = [
    [`${r.classifyProcesses} classify process(es): pipeline posts/s (${r.posts} posts in ${f(r.seconds, 1)} s)`, f(r.postsPerSec)],
  ];
  for (const [name, s] of Object.entries(r.stages)) {
    rows.push([`  ${name}: posts/s · jobs/s (${s.jobs} jobs over ${f(s.seconds, 1)} s)`, `${f(s.postsPerSec)} · ${f(s.jobsPerSec, 1)}`]);
  }
  rows.push(['  classify jobs run by each process', Object.values(r.classifyJobsByProcess).join(' · ')]);
  rows.push(['  route (in the classify transaction): outcomes', JSON.stringify(r.outcomes)]);
  for (const [name, ms] of Object.entries(r.cpuMsPerPost)) rows.push([`  CPU ms per post, ${name}`, f(ms, 3)]);
  const workers = Object.entries(r.cpuMsPerPost).filter(([k]) => k.endsWith(' worker') || /worker \d+$/.test(k));
  rows.push([
    '  CPU ms per post, all worker processes',
    f(
      workers.reduce((s, [, v]) => s + v, 0),
      3,
    ),
  ]);
  rows.push([
    '  CPU ms per post, all of the above',
    f(
      Object.values(r.cpuMsPerPost).reduce((a, b) => a + b, 0),
      3,
    ),
  ]);
  for (const [name, mb] of Object.entries(r.rssMb)) rows.push([`  peak RSS, ${name}, MB`, mb === undefined ? '–' : f(mb)]);
  const m = r.machine;
  rows.push(['  machine CPU, busy / idle / stolen, %', `${f(m.busy)} / ${f(m.idle)} / ${f(m.steal)}`]);
  return rows;
}

/**
 * (b) Full pipeline throughput: N multilingual posts enqueued as the API and `tidewatch ingest` do
 * (core/jobs.ts, enqueuePosts), through ingest → classify (persist + route) in separate
 * `tidewatch worker` processes, until every post has its outcome and the ingest and classify
 * queues are empty. The `refer` jobs classify enqueues for referral candidates are drained too and
 * reported separately. A warm-up batch first loads the model and warms the JIT, so the figure is
 * steady-state throughput. Also checks the result: one Classification per post, one ReviewItem per
 * post routed to review.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { enqueuePosts } from '../core/jobs.ts';
import { closeQueues, createRedis, dropQueuePrefix, openQueues, type QueueName, type Queues } from '../core/queues.ts';
import { CpuMeter, machineShares, machineTicks, postgresBackendsOf, redisServers } from './proc-stats.ts';
import { corpusPosts, createBenchDb, REDIS_URL, spawnTidewatch, until, type Spawned } from './bench-env.ts';
import { queuePrefixFor } from '../core/redis-url.ts';

export interface StageTimes {
  jobs: number;
  /** Mean processing time of one job (processedOn → finishedOn), ms. */
  meanMs: number;
}

export interface ThroughputResult {
  posts: number;
  /** Posts per second until every post was routed and ingest + classify were drained. */
  postsPerSec: number;
  seconds: number;
  /** Seconds until the `refer` queue was drained as well. */
  secondsWithRefer: number;
  outcomes: Record<string, number>;
  referJobs: number;
  stages: Record<'ingest' | 'classify', StageTimes>;
  /** Peak RSS per worker process, MB. */
  rssMb: Record<string, number | undefined>;
  /**
   * CPU milliseconds per post of each worker process, the database's backends and Redis, from the
   * moment the posts are enqueued until `refer` is drained: what the machine's cores went on.
   */
  cpuMsPerPost: Record<string, number>;
  /** The whole machine during (b), per cent of its CPU time: is the pipeline CPU-bound? */
  machine: { busy: number; idle: number; steal: number };
}

/**
 * Worker processes for (b), two for two cores: `split` (the default, as docker-compose.yml
 * deploys them) runs classify alone in one process and ingest + refer in the other, so the
 * CPU-bound detector never stalls the database round trips of the other stages; `symmetric` runs
 * two `tidewatch worker --queues ingest,classify,refer`. Split measured faster here (two detectors
 * warming up and collecting garbage cost more CPU than they gained). `split2` adds a second classify
 * process: the machine ran 96% busy instead of ~87%, but each post cost ~20% more CPU (two
 * detectors' caches, more database sessions at once), so no faster either.
 */
export type WorkerLayout = 'symmetric' | 'split' | 'split2';

export interface ThroughputOptions {
  posts: number;
  /** Default `split`. */
  layout?: WorkerLayout;
  /** Extra environment for the worker processes (e.g. INGEST_CONCURRENCY). */
  env?: Record<string, string>;
  keep?: boolean;
}

const BUSY = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

export async function outstanding(queues: Queues, names: QueueName[]): Promise<number> {
  const counts = await Promise.all(names.map((n) => queues[n].getJobCounts(...BUSY)));
  return counts.reduce((s, c) => s + Object.values(c).reduce((a, b) => a + b, 0), 0);
}

async function stageTimes(queues: Queues, name: 'ingest' | 'classify', since: number): Promise<StageTimes> {
  const jobs = (await queues[name].getCompleted(0, 10_000)).filter((j) => (j.processedOn ?? 0) >= since);
  const ms = jobs.map((j) => (j.finishedOn ?? 0) - (j.processedOn ?? 0));
  return { jobs: jobs.length, meanMs: ms.reduce((a, b) => a + b, 0) / Math.max(ms.length, 1) };
}

export async function measureThroughput(opts: ThroughputOptions): Promise<ThroughputResult> {
  const db = await createBenchDb('pipeline');
  const prefix = queuePrefixFor(REDIS_URL, `bench-${randomBytes(3).toString('hex')}`);
  // Workers consuming `refer` refuse the placeholder notice sender (core/config.ts placeholderSenderProblem).
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    EVIDENCE_CAPTURE: 'off',
    NOTIFIER_NAME: 'Tidewatch bench',
    NOTIFIER_EMAIL: 'bench@tidewatch.test',
    ...opts.env,
  };
  const redis = createRedis(REDIS_URL);
  const queues = openQueues(redis, prefix);
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const workers: Spawned[] = [];
  const count = async (q: string) => Number((await sql.query<{ n: string }>(q)).rows[0]!.n);
  const routed = () => count(`SELECT count(*) AS n FROM "Post" WHERE outcome <> 'pending'`);
  try {
    // Two processes for two cores.
    if (opts.layout === 'symmetric') {
      for (const n of [1, 2]) workers.push(spawnTidewatch(`worker ${n}`, ['worker', '--queues', 'ingest,classify,refer'], env));
    } else {
      workers.push(spawnTidewatch('ingest worker', ['worker', '--queues', 'ingest,refer'], env));
      const classifiers = opts.layout === 'split2' ? ['classify worker 1', 'classify worker 2'] : ['classify worker'];
      for (const name of classifiers) workers.push(spawnTidewatch(name, ['worker', '--queues', 'classify'], env));
    }
    await until(
      async () =>
        (await queues.ingest.getWorkersCount()) >= 1 &&
        (await queues.classify.getWorkersCount()) >= 1 &&
        (await queues.refer.getWorkersCount()) >= 1,
      'workers to start',
      120_000,
      250,
      workers,
    );

    const warm = 1_000;
    await enqueuePosts(queues, corpusPosts(warm, 'warm'));
    await until(
      async () => (await routed()) === warm && (await outstanding(queues, ['ingest', 'classify', 'refer'])) === 0,
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
      'bench driver': () => [process.pid],
    });
    meter.start();
    const ticks = machineTicks();
    const since = Date.now();
    const t0 = performance.now();
    await enqueuePosts(queues, posts);
    await until(
      async () => (await outstanding(queues, ['ingest', 'classify'])) === 0 && (await routed()) === warm + opts.posts,
      'the pipeline to route every post',
      30 * 60_000,
      50,
      workers,
    );
    const seconds = (performance.now() - t0) / 1_000;
    await until(async () => (await outstanding(queues, ['refer'])) === 0, 'the refer queue', 30 * 60_000, 50, workers);
    const secondsWithRefer = (performance.now() - t0) / 1_000;
    const cpu = meter.stop();
    const machine = machineShares(ticks, machineTicks());
    const cpuMsPerPost = Object.fromEntries(Object.entries(cpu).map(([k, s]) => [k, (s * 1_000) / opts.posts]));
    const rssMb = Object.fromEntries(workers.map((w) => [w.name, w.peakRssMb()]));

    // The result must be right, not only fast.
    const total = warm + opts.posts;
    const classified = await count(
      `SELECT count(*) AS n FROM "Post" p WHERE outcome IN ('dismissed', 'review', 'referral_candidate') AND EXISTS (SELECT 1 FROM "Classification" c WHERE c."postId" = p.id)`,
    );
    const classificationRows = await count(`SELECT count(*) AS n FROM "Classification"`);
    const toReview = await count(`SELECT count(*) AS n FROM "Post" WHERE outcome IN ('review', 'referral_candidate')`);
    const reviewItems = await count(`SELECT count(*) AS n FROM "ReviewItem"`);
    const notDuplicate = total - (await count(`SELECT count(*) AS n FROM "Post" WHERE outcome = 'duplicate'`));
    if (classified !== notDuplicate || classificationRows !== notDuplicate || reviewItems !== toReview) {
      throw new Error(
        `pipeline result wrong: ${classificationRows} classifications, ${classified}/${notDuplicate} posts routed with one, ${reviewItems} review items for ${toReview} posts to review`,
      );
    }
    const outcomes = Object.fromEntries(
      (
        await sql.query<{ outcome: string; n: string }>(
          `SELECT outcome, count(*) AS n FROM "Post" WHERE "platformPostId" NOT LIKE 'warm-%' GROUP BY 1`,
        )
      ).rows.map((r) => [r.outcome, Number(r.n)]),
    );
    return {
      posts: opts.posts,
      postsPerSec: opts.posts / seconds,
      seconds,
      secondsWithRefer,
      outcomes,
      referJobs: (await queues.refer.getMetrics('completed')).meta.count,
      stages: { ingest: await stageTimes(queues, 'ingest', since), classify: await stageTimes(queues, 'classify', since) },
      rssMb,
      cpuMsPerPost,
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

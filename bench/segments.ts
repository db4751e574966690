/**
 * (k) Cost per post against history: `total` posts (default 1,000,000) through the same pipeline as
 * (b) (bench/throughput.ts: an ingest + refer worker and a classify worker, separate processes),
 * in one run and one database, fed in segments of `segment` posts (default 100,000). Each segment
 * is enqueued once the previous one is drained, and timed until every post of it is routed; its
 * CPU per post (each worker, the database's backends, Redis) and each worker's RSS are read at its
 * end. The corpus is cycled (bench-env corpusPosts), so near-duplicates and shared contact points
 * pile up as the history grows: if a cost grows with history, the later segments are slower.
 *
 *   npx tsx bench/segments.ts [--segment-posts 1000000] [--segment-size 100000] [--keep]
 *   npm run bench -- --only k [--segment-posts 1000000]
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { enqueuePosts } from '../core/jobs.ts';
import { closeQueues, createRedis, dropQueuePrefix, openQueues } from '../core/queues.ts';
import { corpusPosts, createBenchDb, REDIS_URL, spawnTidewatch, until, type Spawned } from './bench-env.ts';
import { CpuMeter, machineShares, machineTicks, postgresBackendsOf, redisServers, rssNowMb } from './proc-stats.ts';
import { outstanding } from './throughput.ts';

export interface SegmentResult {
  /** 1-based. */
  index: number;
  /** Posts before this segment (warm-up not counted). */
  from: number;
  posts: number;
  /** Seconds from enqueueing the segment until all its posts were routed and ingest + classify drained. */
  seconds: number;
  postsPerSec: number;
  /** CPU ms per post of each worker, the database's backends and Redis, until `refer` was drained too. */
  cpuMsPerPost: Record<string, number>;
  /** RSS of each worker at the segment's end, and its peak (VmHWM) so far, MB. */
  rssMb: Record<string, number | undefined>;
  peakRssMb: Record<string, number | undefined>;
  machine: { busy: number; idle: number; steal: number };
}

export interface SegmentsResult {
  total: number;
  segmentSize: number;
  segments: SegmentResult[];
  /** Last segment's posts/s ÷ first's. */
  segmentRatio: number;
  /**
   * Last segment's CPU ms per post, all processes measured, ÷ first's: the same question asked of
   * CPU time, which swings less than wall-clock time with what else runs on a shared machine.
   */
  cpuPerPostRatio: number;
  /** Highest peak RSS of any worker over the run, MB. */
  segmentMaxRssMb: number;
  outcomes: Record<string, number>;
}

export interface SegmentsOptions {
  total: number;
  segmentSize: number;
  keep?: boolean;
  /** Called as each segment ends (progress). */
  onSegment?: (s: SegmentResult, of: number) => void;
}

export async function measureSegments(opts: SegmentsOptions): Promise<SegmentsResult> {
  const { total, segmentSize } = opts;
  const count = Math.ceil(total / segmentSize);
  const db = await createBenchDb('segments');
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
  const num = async (q: string) => Number((await sql.query<{ n: string }>(q)).rows[0]!.n);
  // Polled only once the queues are empty: an index range on (outcome, …), not a count of history.
  const nonePending = async () => (await num(`SELECT count(*) AS n FROM "Post" WHERE outcome = 'pending'`)) === 0;
  const workers: Spawned[] = [
    spawnTidewatch('ingest worker', ['worker', '--queues', 'ingest,refer'], env),
    spawnTidewatch('classify worker', ['worker', '--queues', 'classify'], env),
  ];
  const pids = () => Object.fromEntries(workers.map((w) => [w.name, w.child.pid]));
  try {
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
    const drained = async (names: ('ingest' | 'classify' | 'refer')[]) => (await outstanding(queues, names)) === 0 && (await nonePending());
    await enqueuePosts(queues, corpusPosts(1_000, 'warm'));
    await until(() => drained(['ingest', 'classify', 'refer']), 'the warm-up batch', 300_000, 100, workers);

    const segments: SegmentResult[] = [];
    for (let s = 0; s < count; s++) {
      const n = Math.min(segmentSize, total - s * segmentSize);
      const posts = corpusPosts(n, 'seg', s * segmentSize);
      const meter = new CpuMeter({
        ...Object.fromEntries(workers.map((w) => [w.name, () => (w.child.pid ? [w.child.pid] : [])])),
        'postgres (this database)': postgresBackendsOf(db.name),
        'redis (whole server)': redisServers,
      });
      meter.start();
      const ticks = machineTicks();
      const t0 = performance.now();
      await enqueuePosts(queues, posts);
      await until(() => drained(['ingest', 'classify']), `segment ${s + 1} to be routed`, 60 * 60_000, 50, workers);
      const seconds = (performance.now() - t0) / 1_000;
      await until(() => drained(['refer']), `segment ${s + 1}'s refer jobs`, 30 * 60_000, 50, workers);
      const cpu = meter.stop();
      const segment: SegmentResult = {
        index: s + 1,
        from: s * segmentSize,
        posts: n,
        seconds,
        postsPerSec: n / seconds,
        cpuMsPerPost: Object.fromEntries(Object.entries(cpu).map(([k, sec]) => [k, (sec * 1_000) / n])),
        rssMb: Object.fromEntries(Object.entries(pids()).map(([k, pid]) => [k, pid ? rssNowMb(pid) : undefined])),
        peakRssMb: Object.fromEntries(workers.map((w) => [w.name, w.peakRssMb()])),
        machine: machineShares(ticks, machineTicks()),
      };
      segments.push(segment);
      opts.onSegment?.(segment, count);
    }

    // The result must be right, not only fast (as in (b)): once, at the end.
    const all = 1_000 + total;
    const notDuplicate = all - (await num(`SELECT count(*) AS n FROM "Post" WHERE outcome = 'duplicate'`));
    const classificationRows = await num(`SELECT count(*) AS n FROM "Classification"`);
    const routed = await num(`SELECT count(*) AS n FROM "Post" WHERE outcome IN ('dismissed', 'review', 'referral_candidate')`);
    const toReview = await num(`SELECT count(*) AS n FROM "Post" WHERE outcome IN ('review', 'referral_candidate')`);
    const reviewItems = await num(`SELECT count(*) AS n FROM "ReviewItem"`);
    if (
      (await num(`SELECT count(*) AS n FROM "Post"`)) !== all ||
      routed !== notDuplicate ||
      classificationRows !== notDuplicate ||
      reviewItems !== toReview
    ) {
      throw new Error(
        `pipeline result wrong: ${classificationRows} classifications for ${routed}/${notDuplicate} routed posts, ${reviewItems} review items for ${toReview} posts to review`,
      );
    }
    const outcomes = Object.fromEntries(
      (await sql.query<{ outcome: string; n: string }>(`SELECT outcome, count(*) AS n FROM "Post" GROUP BY 1`)).rows.map((r) => [
        r.outcome,
        Number(r.n),
      ]),
    );
    const peaks = segments.flatMap((s) => Object.values(s.peakRssMb)).filter((v): v is number => v !== undefined);
    return {
      total,
      segmentSize,
      segments,
      segmentRatio: segments.at(-1)!.postsPerSec / segments[0]!.postsPerSec,
      cpuPerPostRatio: cpuPerPost(segments.at(-1)!) / cpuPerPost(segments[0]!),
      segmentMaxRssMb: Math.max(...peaks),
      outcomes,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await sql.end();
    await closeQueues(queues);
    redis.disconnect();
    await dropQueuePrefix(REDIS_URL, prefix);
    if (!opts.keep) await db.drop();
    else console.error(`kept database ${db.name}`);
  }
}

/** CPU ms per post of every process measured in a segment, together. */
export const cpuPerPost = (s: SegmentResult) => Object.values(s.cpuMsPerPost).reduce((a, b) => a + b, 0);

const f = (v: number | undefined, digits = 0) =>
  v === undefined ? '–' : v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** One line per segment: throughput, CPU per post of each process, RSS of each worker. */
export function describeSegment(s: SegmentResult, of: number): string {
  const cpu = Object.entries(s.cpuMsPerPost)
    .map(([k, v]) => `${k.split(' ')[0]} ${f(v, 3)}`)
    .join(' · ');
  const rss = Object.keys(s.rssMb)
    .map((k) => `${k.split(' ')[0]} ${f(s.rssMb[k])} (peak ${f(s.peakRssMb[k])})`)
    .join(' · ');
  return `(k) segment ${s.index}/${of}, posts ${f(s.from + 1)}–${f(s.from + s.posts)}: ${f(s.postsPerSec)} posts/s (${f(s.seconds, 1)} s, machine ${f(s.machine.busy)}% busy); CPU ms a post: ${cpu} (all ${f(cpuPerPost(s), 3)}); RSS MB: ${rss}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      'segment-posts': { type: 'string', default: '1000000' },
      'segment-size': { type: 'string', default: '100000' },
      keep: { type: 'boolean', default: false },
    },
  });
  const r = await measureSegments({
    total: Number(values['segment-posts']),
    segmentSize: Number(values['segment-size']),
    keep: values.keep,
    onSegment: (s, of) => console.log(describeSegment(s, of)),
  });
  console.log(
    `segmentRatio ${f(r.segmentRatio, 2)} (target ≥ 0.8), CPU per post last ÷ first ${f(r.cpuPerPostRatio, 2)}, segmentMaxRssMb ${f(r.segmentMaxRssMb)} (target < 400); outcomes ${JSON.stringify(r.outcomes)}`,
  );
}

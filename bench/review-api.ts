/**
 * (e) The review API under load: `GET /v1/review/items` against a database seeded in bulk with
 * 1,000,000 posts (bench/seed-review.ts), served by a separate `tidewatch api` process with rate
 * limiting off, driven by autocannon for a few seconds with a few connections over a mix of
 * filters, sorts and cursor pages, as an analyst key. Every answer must be a 200.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import { createApiKey } from '../api/auth/keys.ts';
import { createDb } from '../core/db/index.ts';
import { dropQueuePrefix } from '../core/queues.ts';
import pg from 'pg';
import { applyMigrations } from '../core/db/migrations.ts';
import { withDatabase } from '../core/db/url.ts';
import { CpuMeter, machineShares, machineTicks, postgresBackendsOf } from './proc-stats.ts';
import { ADMIN_URL, createBenchDb, REDIS_URL, spawnTidewatch, until, type BenchDb, type Spawned } from './bench-env.ts';
import { seedReviewData } from './seed-review.ts';
import { queuePrefixFor } from '../core/redis-url.ts';

export interface ReviewApiOptions {
  posts: number;
  /** Seconds of load (default 10). */
  duration?: number;
  /** Concurrent connections (default 4). */
  connections?: number;
  keep?: boolean;
  /**
   * A database kept by an earlier `--keep` run (`tw_bench_api_…`): migrated to the current schema
   * and measured as it is, without seeding again (seeding 1,000,000 posts takes minutes); kept.
   */
  reuseDb?: string | undefined;
}

export interface ReviewApiResult {
  posts: number;
  reviewItems: number;
  seedSeconds: number;
  /** Seconds per seeding step. */
  seedSteps: Record<string, number>;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  paths: string[];
  apiRssMb: number | undefined;
  /** CPU ms per request during the measured load: the API process, this database's backends, the driver (autocannon). */
  cpuMsPerRequest: Record<string, number>;
  /** The machine's CPU during the measured load, in per cent. */
  machine: { busy: number; idle: number; steal: number };
}

/** A kept benchmark database, brought up to the current migrations. */
async function reuseBenchDb(name: string): Promise<BenchDb> {
  if (!/^tw_bench_api_[a-f0-9]+$/.test(name)) throw new Error(`--api-db: expected a kept tw_bench_api_… database, got "${name}"`);
  const url = withDatabase(ADMIN_URL, name);
  await applyMigrations(url);
  return { name, url, drop: async () => {} };
}

/** What an earlier seeding left in a reused database. */
async function seededAlready(url: string): Promise<{ seconds: number; reviewItems: number; steps: Record<string, number>; posts: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ posts: number; items: number }>(
      'SELECT (SELECT count(*)::int FROM "Post") AS posts, (SELECT count(*)::int FROM "ReviewItem") AS items',
    );
    return { seconds: 0, reviewItems: rows[0]!.items, steps: {}, posts: rows[0]!.posts };
  } finally {
    await c.end();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The filters a reviewer or analyst actually uses, each with pages 1–3 by cursor. */
const FILTERS = [
  '',
  'language=ar',
  'platform=tiktok',
  'referralCandidate=true',
  'sort=oldest',
  'status=escalated',
  'minScore=0.9',
  'language=fa&platform=telegram',
  'category=boat_crossing',
  'status=rejected&language=en',
];

async function requestPaths(base: string, key: string): Promise<string[]> {
  const paths: string[] = [];
  for (const f of FILTERS) {
    let cursor: string | null = null;
    for (let page = 0; page < 3; page++) {
      const q: string = [f, cursor ? `cursor=${cursor}` : ''].filter(Boolean).join('&');
      const p = `/v1/review/items${q ? `?${q}` : ''}`;
      const res = await fetch(base + p, { headers: { authorization: `Bearer ${key}` } });
      if (res.status !== 200) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
      paths.push(p);
      cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor;
      if (!cursor) break;
    }
  }
  return paths;
}

export async function measureReviewApi(opts: ReviewApiOptions): Promise<ReviewApiResult> {
  const db = opts.reuseDb ? await reuseBenchDb(opts.reuseDb) : await createBenchDb('api');
  const prefix = queuePrefixFor(REDIS_URL, `bench-api-${randomBytes(3).toString('hex')}`);
  let api: Spawned | undefined;
  try {
    const seeded = opts.reuseDb ? await seededAlready(db.url) : { ...(await seedReviewData(db.url, opts.posts)), posts: opts.posts };
    const keysDb = createDb(db.url, 1);
    const { key } = await createApiKey(keysDb, { role: 'analyst', name: 'benchmark', createdBy: 'bench' });
    await keysDb.close();

    const port = await freePort();
    api = spawnTidewatch('api', ['api'], {
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      API_PORT: String(port),
      // The benchmark measures the queue read, not the limiter (api/middleware/rate-limit.ts).
      RATE_LIMIT: 'off',
      RATE_LIMIT_ANALYST: '100000000',
    });
    const base = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${base}/healthz`).catch(() => undefined))?.ok === true, 'the API to listen', 120_000, 250, [api]);
    const paths = await requestPaths(base, key);
    // Warm-up: connection pool, JIT, Postgres buffers.
    await autocannon({
      url: base,
      connections: 2,
      duration: 2,
      headers: { authorization: `Bearer ${key}` },
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
    const apiPid = api.child.pid;
    const meter = new CpuMeter({
      api: () => (apiPid ? [apiPid] : []),
      'postgres (this database)': postgresBackendsOf(db.name),
      'bench driver (autocannon)': () => [process.pid],
    });
    meter.start();
    const ticks = machineTicks();
    const res = await autocannon({
      url: base,
      connections: opts.connections ?? 4,
      duration: opts.duration ?? 10,
      headers: { authorization: `Bearer ${key}` },
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
    const cpu = meter.stop();
    const machine = machineShares(ticks, machineTicks());
    if (res.non2xx || res.errors || res.timeouts)
      throw new Error(`review API: ${res.non2xx} non-2xx, ${res.errors} errors, ${res.timeouts} timeouts`);
    return {
      posts: seeded.posts,
      reviewItems: seeded.reviewItems,
      seedSeconds: seeded.seconds,
      seedSteps: seeded.steps,
      reqPerSec: res.requests.average,
      p50Ms: res.latency.p50,
      p99Ms: res.latency.p99,
      requests: res.requests.total,
      paths,
      apiRssMb: api.peakRssMb(),
      cpuMsPerRequest: Object.fromEntries(Object.entries(cpu).map(([k, sec]) => [k, (sec * 1_000) / res.requests.total])),
      machine,
    };
  } finally {
    await api?.stop();
    await dropQueuePrefix(REDIS_URL, prefix);
    if (!opts.keep && !opts.reuseDb) await db.drop();
    else console.log(`kept database ${db.name}`);
  }
}

/**
 * `npm run bench`: the throughput and latency figures of issue #7 on this machine, in one go.
 * (a) BullMQ ceiling, (b) full pipeline, (c) b ÷ a, (d) classify only, (e) review API under
 * autocannon at 1,000,000 posts, (f) peak RSS of each process, (g) flagged post to review item and
 * (h) reviewer's confirm to webhook, p50/p99 (bench/latency.ts), (k) 1,000,000 posts through the
 * pipeline in one run, by 100,000-post segments (bench/segments.ts: does a post cost more as the
 * history grows?). Prints a table with the targets and writes bench/results.json (generated
 * output, git-ignored). Each part uses its own database and queue prefix and removes both (unless
 * --keep). A script, not a test: figures depend on the machine and on what else runs on it, so
 * the load average and a fixed reference workload's time (machine-speed.ts) are recorded with them.
 *
 * (a) and (b) run in alternation, --rounds times (default 2: a b a b), and each is reported as its
 * best round: on a shared machine the speed of both drifts by tens of per cent within minutes, and
 * one reading of each taken at different moments made the ratio swing with the drift. The best
 * ceiling is the ceiling; the pipeline gets the same treatment. Every round is printed.
 *
 *   npm run bench -- [--posts 20000] [--api-posts 1000000] [--api-duration 10] [--connections 4]
 *                    [--only a,b,d,e,g,h,k] [--rounds 2] [--keep] [--api-db tw_bench_api_…]
 *                    [--latency-rate 1000] [--latency-seconds 60] [--latency-batch 100] [--latency-poll-ms 100]
 *                    [--confirm-rate 10] [--confirm-seconds 30] [--segment-posts 1000000] [--segment-size 100000]
 *
 * --only i adds the scale-out figures (bench/scale-out.ts): 1, 2, 3 classify processes, once each.
 *
 * --api-db measures (e) on a database kept by an earlier --keep run instead of seeding a new one.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { INGEST_CHUNK } from '../core/jobs.ts';
import { ROOT } from './bench-env.ts';
import { describeReference, machineReferenceMs } from './machine-speed.ts';
import { measureCeiling, type CeilingResult } from './ceiling.ts';
import { measureClassifyRate, type ClassifyRateResult } from './classify-rate.ts';
import { measureLatency, type LatencyResult } from './latency.ts';
import { latencyRows, printLatencyDetails } from './latency-report.ts';
import { measureReviewApi, type ReviewApiResult } from './review-api.ts';
import { describeSegment, measureSegments, type SegmentsResult } from './segments.ts';
import { measureThroughput, type ThroughputResult } from './throughput.ts';
import { measureScaleOutRound, scaleOutRows, type ScaleOutRound } from './scale-out-round.ts';

const { values: args } = parseArgs({
  options: {
    posts: { type: 'string', default: '20000' },
    'api-posts': { type: 'string', default: '1000000' },
    'api-duration': { type: 'string', default: '10' },
    connections: { type: 'string', default: '4' },
    only: { type: 'string', default: 'a,b,d,e,g,h,k' },
    rounds: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    'api-db': { type: 'string' },
    'latency-rate': { type: 'string', default: '1000' },
    'latency-seconds': { type: 'string', default: '60' },
    'latency-batch': { type: 'string', default: '100' },
    'latency-poll-ms': { type: 'string', default: '100' },
    'confirm-rate': { type: 'string', default: '10' },
    'confirm-seconds': { type: 'string', default: '30' },
    'segment-posts': { type: 'string', default: '1000000' },
    'segment-size': { type: 'string', default: '100000' },
  },
});
const only = new Set(args.only!.split(','));
const num = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: expected a positive integer, got "${v}"`);
  return n;
};
const posts = num('posts', args.posts);

const TARGETS = {
  pipelinePostsPerSec: 2_000,
  ratio: 0.5,
  apiListP99Ms: 50,
  workerRssMb: 400,
  flagToReviewP99Ms: 2_000,
  confirmToWebhookP99Ms: 2_000,
  segmentRatio: 0.8,
};
const load0 = os.loadavg();
const reference0 = await machineReferenceMs();
const started = new Date();

let classify: ClassifyRateResult | undefined;
let api: ReviewApiResult | undefined;
let latency: LatencyResult | undefined;
let segments: SegmentsResult | undefined;

const rounds = num('rounds', args.rounds);
const ceilings: CeilingResult[] = [];
const pipelines: ThroughputResult[] = [];
for (let round = 1; round <= rounds; round++) {
  const of = rounds > 1 ? ` (round ${round} of ${rounds})` : '';
  // The ceiling with the layouts a pipeline could use on two cores: two processes as (b) runs, or one.
  if (only.has('a')) {
    console.error(`(a) BullMQ ceiling${of} …`);
    ceilings.push(
      await measureCeiling(Math.max(posts, 20_000), [
        { processes: 2, concurrency: 4 },
        { processes: 1, concurrency: 8 },
      ]),
    );
  }
  if (only.has('b')) {
    console.error(`(b) pipeline, ${posts} posts${of} …`);
    pipelines.push(await measureThroughput({ posts, keep: args.keep }));
  }
}
const best = <T>(list: T[], by: (t: T) => number) =>
  list.reduce<T | undefined>((b, t) => (b === undefined || by(t) > by(b) ? t : b), undefined);
const ceiling = best(ceilings, (c) => c.jobsPerSec);
const pipeline = best(pipelines, (p) => p.postsPerSec);
if (only.has('d')) {
  console.error('(d) classify only …');
  classify = await measureClassifyRate();
}
if (only.has('e')) {
  const n = num('api-posts', args['api-posts']);
  console.error(args['api-db'] ? `(e) review API on ${args['api-db']} …` : `(e) review API, seeding ${n} posts …`);
  api = await measureReviewApi({
    posts: n,
    duration: num('api-duration', args['api-duration']),
    connections: num('connections', args.connections),
    keep: args.keep,
    reuseDb: args['api-db'],
  });
}
const scaleOut: ScaleOutRound[] = [];
if (only.has('i')) {
  for (const n of [1, 2, 3]) {
    console.error(`(i) scale-out, ${n} classify process(es), ${posts} posts …`);
    scaleOut.push(await measureScaleOutRound({ posts, classifyProcesses: n, keep: args.keep }));
  }
}
if (only.has('k')) {
  const total = num('segment-posts', args['segment-posts']);
  console.error(`(k) ${total} posts in one run, by segments …`);
  segments = await measureSegments({
    total,
    segmentSize: num('segment-size', args['segment-size']),
    keep: args.keep,
    onSegment: (s, of) => console.error(describeSegment(s, of)),
  });
}
if (only.has('g') || only.has('h')) {
  const g = only.has('g')
    ? {
        rate: num('latency-rate', args['latency-rate']),
        seconds: num('latency-seconds', args['latency-seconds']),
        batch: num('latency-batch', args['latency-batch']),
        pollMs: num('latency-poll-ms', args['latency-poll-ms']),
      }
    : undefined;
  const h = only.has('h')
    ? { rate: num('confirm-rate', args['confirm-rate']), seconds: num('confirm-seconds', args['confirm-seconds']) }
    : undefined;
  console.error(
    `(g, h) latency${g ? `, ${g.rate} posts/s for ${g.seconds} s` : ''}${h ? `, ${h.rate} confirms/s for ${h.seconds} s` : ''} …`,
  );
  latency = await measureLatency({ g, h, keep: args.keep });
}
const load1 = os.loadavg();
const reference1 = await machineReferenceMs();

const rssMb: Record<string, number | undefined> = {
  ...(pipeline?.rssMb ?? {}),
  api: api?.apiRssMb,
  'classify bench': classify?.rssMb,
  'bench driver (producer, autocannon)': process.resourceUsage().maxRSS / 1024,
};
const workerRss = Object.values(pipeline?.rssMb ?? {}).filter((v): v is number => v !== undefined);
const ratio = ceiling && pipeline ? pipeline.postsPerSec / ceiling.jobsPerSec : undefined;
const maxRssMb = Math.max(...Object.values(rssMb).filter((v): v is number => v !== undefined));

const results = {
  measuredAt: started.toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    loadAvgBefore: load0,
    loadAvgAfter: load1,
    referenceMsBefore: reference0,
    referenceMsAfter: reference1,
  },
  ceilingJobsPerSec: ceiling?.jobsPerSec ?? null,
  pipelinePostsPerSec: pipeline?.postsPerSec ?? null,
  ratio: ratio ?? null,
  classifyPostsPerSec: classify?.postsPerSec ?? null,
  apiListReqPerSec: api?.reqPerSec ?? null,
  apiListP50Ms: api?.p50Ms ?? null,
  apiListP99Ms: api?.p99Ms ?? null,
  segmentRatio: segments?.segmentRatio ?? null,
  segmentMaxRssMb: segments?.segmentMaxRssMb ?? null,
  flagToReviewP50Ms: latency?.g?.p50Ms ?? null,
  flagToReviewP99Ms: latency?.g?.p99Ms ?? null,
  confirmToWebhookP50Ms: latency?.h?.p50Ms ?? null,
  confirmToWebhookP99Ms: latency?.h?.p99Ms ?? null,
  maxRssMb,
  maxWorkerRssMb: workerRss.length ? Math.max(...workerRss) : null,
  rssMb,
  targets: TARGETS,
  rounds: { ceilingJobsPerSec: ceilings.map((c) => c.jobsPerSec), pipelinePostsPerSec: pipelines.map((p) => p.postsPerSec) },
  scaleOut,
  details: {
    ceiling,
    pipeline,
    segments,
    classify: classify && { ...classify, output: undefined },
    api: api && { ...api, paths: api.paths.length },
    latency,
  },
};
writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const fmt = (v: number | undefined, digits = 0) =>
  v === undefined ? '–' : v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'met' : 'NOT met');
const rows: [string, string, string, string][] = [
  [
    `(a) BullMQ ceiling: no-op jobs/s, added by addBulk(${100}) with the pipeline's job defaults, consumed by ${ceiling?.layout.processes ?? '?'} worker process(es) × concurrency ${ceiling?.layout.concurrency ?? '?'}`,
    fmt(ceiling?.jobsPerSec),
    '',
    '',
  ],
  [
    `(b) pipeline posts/s, ingest → classify → persist → route, ${posts} posts${pipeline ? ` in ${fmt(pipeline.seconds, 1)} s` : ''}`,
    fmt(pipeline?.postsPerSec),
    '≥ 2,000',
    verdict(pipeline && pipeline.postsPerSec >= TARGETS.pipelinePostsPerSec),
  ],
  [
    `    … with the ${fmt(pipeline?.outcomes.referral_candidate)} refer jobs drained too (${fmt(pipeline?.secondsWithRefer, 1)} s)`,
    fmt(pipeline && posts / pipeline.secondsWithRefer),
    '',
    '',
  ],
  ['(c) ratio b ÷ a', fmt(ratio, 2), '≥ 0.5', verdict(ratio === undefined ? undefined : ratio >= TARGETS.ratio)],
  ['(d) classify only: detector posts/s, one core, language given (bench/classify.ts)', fmt(classify?.postsPerSec), '', ''],
  [
    `(e) GET /v1/review/items req/s, ${fmt(api?.posts)} posts, ${fmt(api?.reviewItems)} review items, ${args.connections} connections`,
    fmt(api?.reqPerSec),
    '',
    '',
  ],
  ['    latency p50, ms', fmt(api?.p50Ms, 1), '', ''],
  ['    latency p99, ms', fmt(api?.p99Ms, 1), '< 50', verdict(api && api.p99Ms < TARGETS.apiListP99Ms)],
  [
    `(k) ${fmt(segments?.total)} posts in one run: last ${fmt(segments?.segmentSize)}-post segment's posts/s ÷ first's`,
    fmt(segments?.segmentRatio, 2),
    '≥ 0.8',
    verdict(segments && segments.segmentRatio >= TARGETS.segmentRatio),
  ],
  ["    CPU ms per post (workers, PostgreSQL, Redis), last segment's ÷ first's", fmt(segments?.cpuPerPostRatio, 2), '', ''],
  [
    '    peak RSS of any worker during (k), MB',
    fmt(segments?.segmentMaxRssMb),
    '< 400',
    verdict(segments && segments.segmentMaxRssMb < TARGETS.workerRssMb),
  ],
  ...Object.entries(rssMb).map(([name, mb]): [string, string, string, string] => {
    const worker = name.endsWith('worker');
    return [
      `(f) peak RSS, ${name}, MB`,
      fmt(mb),
      worker ? '< 400' : '',
      worker ? verdict(mb === undefined ? undefined : mb < TARGETS.workerRssMb) : '',
    ];
  }),
  ...latencyRows(latency, TARGETS, fmt, verdict),
];
const w0 = Math.max(...rows.map((r) => r[0].length));
console.log(`${'figure'.padEnd(w0)}  ${'value'.padStart(9)}  ${'target'.padEnd(8)}  result`);
for (const [k, v, t, ok] of rows) console.log(`${k.padEnd(w0)}  ${v.padStart(9)}  ${t.padEnd(8)}  ${ok}`);
if (pipeline) {
  const s = pipeline.stages;
  console.log(
    `stage job times (${INGEST_CHUNK}-post chunks): ingest ${fmt(s.ingest.meanMs)} ms × ${s.ingest.jobs} jobs, classify ${fmt(s.classify.meanMs)} ms × ${s.classify.jobs} jobs; outcomes ${JSON.stringify(pipeline.outcomes)}`,
  );
  const m = pipeline.machine;
  console.log(
    `machine CPU during (b): ${fmt(m.busy)}% busy, ${fmt(m.idle)}% idle, ${fmt(m.steal)}% taken by the host (steal); CPU ms per post: ${Object.entries(
      pipeline.cpuMsPerPost,
    )
      .map(([k, v]) => `${k} ${fmt(v, 3)}`)
      .join(', ')}`,
  );
}
if (api) {
  const m = api.machine;
  console.log(
    `machine CPU during (e): ${fmt(m.busy)}% busy, ${fmt(m.idle)}% idle, ${fmt(m.steal)}% taken by the host (steal); CPU ms per request: ${Object.entries(
      api.cpuMsPerRequest,
    )
      .map(([k, v]) => `${k} ${fmt(v, 2)}`)
      .join(', ')}`,
  );
}
if (segments) for (const s of segments.segments) console.log(describeSegment(s, segments.segments.length));
if (latency) printLatencyDetails(latency, fmt);
if (rounds > 1) {
  console.log(
    `rounds (best taken): (a) ${ceilings.map((c) => fmt(c.jobsPerSec)).join(', ') || '–'} jobs/s; (b) ${pipelines.map((p) => fmt(p.postsPerSec)).join(', ') || '–'} posts/s`,
  );
}
if (ceiling)
  console.log(
    `ceiling layouts tried: ${ceiling.tried.map((t) => `${t.layout.processes}×${t.layout.concurrency}: ${fmt(t.jobsPerSec)} jobs/s`).join(', ')}`,
  );
for (const r of scaleOut) for (const [k, v] of scaleOutRows(r)) console.log(`(i) ${k.padEnd(64)} ${v.padStart(10)}`);
console.log(describeReference(reference0, reference1));
console.log(
  `${os.cpus().length} CPUs, load average ${load0.map((l) => l.toFixed(1)).join(' ')} before, ${load1.map((l) => l.toFixed(1)).join(' ')} after; written to bench/results.json`,
);

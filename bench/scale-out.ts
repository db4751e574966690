/**
 * Scale-out (issue #20 point 4(i)): the pipeline with one ingest + refer worker process and 1, 2, 3
 * … classify worker processes against one Redis and one PostgreSQL; per process count, each stage's
 * throughput and each process's CPU per post, then one JSON line. On two cores no gain is expected:
 * the point is that the figures (and the result checks in scale-out-round.ts) hold with several.
 * `--rounds R` repeats the whole sequence (1, 2, 3, 1, 2, 3, …) so drift shows; every round is printed.
 *
 *   npx tsx bench/scale-out.ts [--posts 20000] [--processes 1,2,3] [--rounds 1] [--keep]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { measureScaleOutRound, scaleOutRows, type ScaleOutRound } from './scale-out-round.ts';

const { values: args } = parseArgs({
  options: {
    posts: { type: 'string', default: '20000' },
    processes: { type: 'string', default: '1,2,3' },
    rounds: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const positive = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: expected a positive integer, got "${v}"`);
  return n;
};
const posts = positive('posts', args.posts!);
const counts = args.processes!.split(',').map((v) => positive('processes', v.trim()));
const rounds = positive('rounds', args.rounds!);

const load0 = os.loadavg();
const results: ScaleOutRound[] = [];
for (let round = 1; round <= rounds; round++) {
  for (const n of counts) {
    console.error(`${n} classify process(es), ${posts} posts${rounds > 1 ? ` (round ${round} of ${rounds})` : ''} …`);
    const r = await measureScaleOutRound({ posts, classifyProcesses: n, keep: args.keep });
    results.push(r);
    for (const [k, v] of scaleOutRows(r)) console.log(`${k.padEnd(64)} ${v.padStart(10)}`);
  }
}
const load1 = os.loadavg();
console.log(
  `${os.cpus().length} CPUs, load average ${load0.map((l) => l.toFixed(1)).join(' ')} before, ${load1.map((l) => l.toFixed(1)).join(' ')} after`,
);
console.log(
  JSON.stringify({
    measuredAt: new Date().toISOString(),
    posts,
    loadAvgBefore: load0,
    loadAvgAfter: load1,
    rounds: results.map((r) => ({
      classifyProcesses: r.classifyProcesses,
      postsPerSec: Math.round(r.postsPerSec),
      seconds: Number(r.seconds.toFixed(2)),
      stages: Object.fromEntries(
        Object.entries(r.stages).map(([k, s]) => [
          k,
          { jobs: s.jobs, postsPerSec: Math.round(s.postsPerSec), jobsPerSec: Number(s.jobsPerSec.toFixed(1)) },
        ]),
      ),
      classifyJobsByProcess: r.classifyJobsByProcess,
      cpuMsPerPost: Object.fromEntries(Object.entries(r.cpuMsPerPost).map(([k, v]) => [k, Number(v.toFixed(3))])),
      rssMb: Object.fromEntries(Object.entries(r.rssMb).map(([k, v]) => [k, v === undefined ? null : Math.round(v)])),
      machine: { busy: Math.round(r.machine.busy), idle: Math.round(r.machine.idle), steal: Math.round(r.machine.steal) },
      outcomes: r.outcomes,
    })),
  }),
);

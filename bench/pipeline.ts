/**
 * Pipeline throughput only — parts (a), (b) and (c) of `npm run bench` (bench/run.ts), for a quick
 * look while working on the pipeline. Prints the same figures without writing bench/results.json.
 *
 *   npx tsx bench/pipeline.ts [--posts 20000] [--no-ceiling] [--layout split|symmetric|split2] [--keep]
 */
import { measureCeiling } from './ceiling.ts';
import { measureThroughput, type WorkerLayout } from './throughput.ts';

const argN = process.argv.indexOf('--posts');
const N = argN > 0 ? Number(process.argv[argN + 1]) : 20_000;

// --no-ceiling skips (a), for quick iterations on the pipeline alone.
const ceiling = process.argv.includes('--no-ceiling')
  ? undefined
  : await measureCeiling(Math.max(N, 20_000), [
      { processes: 2, concurrency: 4 },
      { processes: 1, concurrency: 8 },
    ]);
const argLayout = process.argv.indexOf('--layout');
const layout = (argLayout > 0 ? process.argv[argLayout + 1] : 'split') as WorkerLayout;
if (layout !== 'symmetric' && layout !== 'split' && layout !== 'split2')
  throw new Error(`--layout: expected split, symmetric or split2, got "${layout}"`);
const pipeline = await measureThroughput({ posts: N, layout, keep: process.argv.includes('--keep') });
const rows = [
  [
    `(a) BullMQ ceiling, no-op jobs/s (${ceiling?.layout.processes ?? '–'} × ${ceiling?.layout.concurrency ?? '–'})`,
    ceiling?.jobsPerSec.toFixed(0) ?? '–',
  ],
  [`(b) pipeline posts/s (${N} posts, ${pipeline.seconds.toFixed(1)} s)`, pipeline.postsPerSec.toFixed(0)],
  ['(c) ratio b ÷ a', ceiling ? (pipeline.postsPerSec / ceiling.jobsPerSec).toFixed(2) : '–'],
  [`    with refer drained (${pipeline.secondsWithRefer.toFixed(1)} s), posts/s`, (N / pipeline.secondsWithRefer).toFixed(0)],
  [`ingest: ${pipeline.stages.ingest.jobs} jobs, mean ms per job`, pipeline.stages.ingest.meanMs.toFixed(0)],
  [`classify: ${pipeline.stages.classify.jobs} jobs, mean ms per job`, pipeline.stages.classify.meanMs.toFixed(0)],
  ...Object.entries(pipeline.rssMb).map(([name, mb]) => [`peak RSS, ${name}, MB`, mb?.toFixed(0) ?? '–']),
  ...Object.entries(pipeline.cpuMsPerPost).map(([name, ms]) => [`CPU ms per post, ${name}`, ms.toFixed(3)]),
  [
    'CPU ms per post, all of the above',
    Object.values(pipeline.cpuMsPerPost)
      .reduce((a, b) => a + b, 0)
      .toFixed(3),
  ],
  [
    'machine CPU during (b), busy / idle / stolen, %',
    `${pipeline.machine.busy.toFixed(0)} / ${pipeline.machine.idle.toFixed(0)} / ${pipeline.machine.steal.toFixed(0)}`,
  ],
];
for (const [k, v] of rows) console.log(`${k!.padEnd(58)} ${v!.padStart(8)}`);

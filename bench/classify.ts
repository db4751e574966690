/**
 * Throughput of batch classification on one core (Node runs classify on one thread): posts/s
 * for the trained detector with the caller's language given and without (lang = null, so
 * language identification runs), plus model load time.
 * Target: ≥ 20,000 posts/s in both cases. Run: npm run bench:classify
 *
 * The machine is often shared (CI, other services): the CPU count, load average and a fixed
 * reference workload's time (machine-speed.ts), before and after, are printed with the figures,
 * and the CPU time per post (this process, all threads) next to the wall time. The headline
 * figure is the best of ROUNDS timed rounds (the one least disturbed by other processes); the
 * median is printed beside it so a noisy run shows as one.
 * What is timed is the worker's path: detector.classify() on batches of 500 posts, each post with
 * one word the detector has not seen before (see postsOf).
 */
import { availableParallelism, loadavg } from 'node:os';
import { readSplit } from '../detector/model/corpus.ts';
import { loadDetector } from '../detector/index.ts';
import type { DetectorInput } from '../detector/types.ts';
import { describeReference, machineReferenceMs } from './machine-speed.ts';

const t0 = performance.now();
const detector = await loadDetector();
const loadMs = performance.now() - t0;
const loadBefore = loadavg();
const referenceBefore = await machineReferenceMs();

const corpus = [...readSplit('test'), ...readSplit('validation')];
const N = 20_000;
const BATCH = 500;
/**
 * Round `round`'s posts: the corpus texts cycled, each ending in a word seen nowhere else (a user
 * name, a reference), as live posts do. Without it every round would find each word in the
 * detector's per-word caches; with it each post brings one new word, and the token table fills
 * and starts over as it does in a long-running worker.
 */
function postsOf(round: string, withLang: boolean): DetectorInput[] {
  return Array.from({ length: N }, (_, i) => {
    const p = corpus[i % corpus.length]!;
    return { id: String(i), text: `${p.text} ref${round}x${i}`, lang: withLang ? p.lang : null };
  });
}
const avgChars = Math.round(postsOf('0', true).reduce((n, p) => n + p.text.length, 0) / N);

interface Figures {
  postsPerSecond: number;
  medianPostsPerSecond: number;
  cpuMicrosPerPost: number;
}
const ROUNDS = 5;

function run(withLang: boolean): Figures {
  const tag = withLang ? 'l' : 'n';
  const warm = postsOf(`${tag}w`, withLang);
  for (let i = 0; i < 4_000; i += BATCH) detector.classify(warm.slice(i, i + BATCH)); // warm-up (JIT)
  const walls: number[] = [];
  let bestCpu = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const inputs = postsOf(`${tag}${round}`, withLang); // built outside the timed part
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < N; i += BATCH) detector.classify(inputs.slice(i, i + BATCH));
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    bestCpu = Math.min(bestCpu, used.user + used.system);
  }
  walls.sort((a, b) => a - b);
  return { postsPerSecond: (N / walls[0]!) * 1000, medianPostsPerSecond: (N / walls[ROUNDS >> 1]!) * 1000, cpuMicrosPerPost: bestCpu / N };
}

const TARGET = 20_000;
const withLang = run(true);
const withoutLang = run(false);
const referenceAfter = await machineReferenceMs();
const line = (f: Figures) =>
  `${Math.round(f.postsPerSecond).toLocaleString('en')} posts/s (${(1e6 / f.postsPerSecond).toFixed(1)} µs/post wall, ${f.cpuMicrosPerPost.toFixed(1)} µs/post CPU; median of ${ROUNDS} rounds ${Math.round(f.medianPostsPerSecond).toLocaleString('en')} posts/s)`;
const met = (f: Figures) => (f.postsPerSecond >= TARGET ? 'met' : 'NOT met');
const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`detector ${detector.version}: model load ${loadMs.toFixed(0)} ms (weights read and decoded, per-bucket projections)`);
console.log(`machine: ${availableParallelism()} CPUs, load average ${loads(loadBefore)} before, ${loads(loadavg())} after`);
console.log(describeReference(referenceBefore, referenceAfter));
console.log(`classify, lang given:   ${line(withLang)}, batches of ${BATCH}, ${N} posts, avg ${avgChars} chars`);
console.log(`classify, lang = null:  ${line(withoutLang)}`);
console.log(`target ≥ ${TARGET.toLocaleString('en')} posts/s: ${met(withLang)} with lang given, ${met(withoutLang)} with lang = null`);

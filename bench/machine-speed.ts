/**
 * A fixed single-core reference workload, timed next to every benchmark so that figures taken on
 * different days can be told apart from code changes. This machine is shared: the same commit's
 * detector ran at 14,785 and at 22,734 posts/s on two runs of one afternoon, and the next day the
 * pipeline took a third more CPU per post, and this loop swings between ~4 and ~7 ms from one
 * fifth of a second to the next. The reference moves with the machine, not with the code.
 *
 * The workload is plain JavaScript of the kind the detector runs (code units, FNV hashing, probes
 * into a small typed table that stays in the L1 cache), deterministic, with no allocation in the
 * loop. It runs in a worker thread, a fresh V8 isolate: in the calling process the same loop can
 * run 2–3× slower for reasons of that process's own (once any ArrayBuffer in an isolate has been
 * detached, as Prisma's WebAssembly query compiler does when its memory grows, or tsx's CommonJS
 * hooks do, V8 checks every typed-array access in it for detachment from then on).
 * Reported as the best of `rounds` timings, in ms: lower is a faster machine.
 */
import { Worker } from 'node:worker_threads';

const WORKLOAD = `
const { parentPort, workerData } = require('node:worker_threads');
const TEXT = 'safe boat to uk this week price 1500 eur call whatsapp +44 7911 123456 departure calais tonight '.repeat(8);
const UNITS = Uint16Array.from(TEXT, (ch) => ch.charCodeAt(0));
const TABLE = new Int32Array(1 << 12);
for (let i = 0; i < TABLE.length; i++) TABLE[i] = Math.imul(i, 0x9e3779b1);
function workload() {
  let acc = 0;
  for (let rep = 0; rep < 3000; rep++) {
    let h = 0x811c9dc5 ^ rep;
    for (let i = 0; i < UNITS.length; i++) {
      h = Math.imul(h ^ UNITS[i], 0x01000193);
      acc = (acc + TABLE[(h >>> 7) & (TABLE.length - 1)]) | 0;
    }
  }
  return acc;
}
let sink = workload();
let best = Infinity;
for (let r = 0; r < workerData.rounds; r++) {
  const t = performance.now();
  sink ^= workload();
  best = Math.min(best, performance.now() - t);
}
parentPort.postMessage({ best, sink });
`;

/** Best of `rounds` timings of the reference workload, in ms (one warm-up run first). */
export function machineReferenceMs(rounds = 5): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKLOAD, { eval: true, workerData: { rounds } });
    worker.once('message', (m: { best: number }) => resolve(m.best));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`reference workload exited with ${code}`)));
  });
}

/** One line for a benchmark's output. */
export function describeReference(beforeMs: number, afterMs: number): string {
  return `machine reference (fixed single-core JS loop in a fresh thread, best of 5; lower is faster): ${beforeMs.toFixed(1)} ms before, ${afterMs.toFixed(1)} ms after`;
}

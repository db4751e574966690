/**
 * Throughput of batch classification on one core (Node runs classify on one thread): posts/s
 * for the trained detector with the caller's language given and without, plus model load time.
 * Target: ≥ 20,000 posts/s. Run: npm run bench:classify
 */
import { readSplit } from '../detector/model/corpus.ts';
import { loadDetector } from '../detector/index.ts';
import type { DetectorInput } from '../detector/types.ts';

const t0 = performance.now();
const detector = await loadDetector();
const loadMs = performance.now() - t0;

const corpus = [...readSplit('test'), ...readSplit('validation')];
const N = 20_000;
const BATCH = 500;
const posts: DetectorInput[] = [];
for (let i = 0; i < N; i++) {
  const p = corpus[i % corpus.length]!;
  // A varying suffix defeats any accidental caching of identical texts.
  posts.push({ id: String(i), text: `${p.text} ${i % 97}`, lang: p.lang });
}
const avgChars = Math.round(posts.reduce((n, p) => n + p.text.length, 0) / N);

function run(withLang: boolean): number {
  const inputs = withLang ? posts : posts.map((p) => ({ ...p, lang: null }));
  for (let i = 0; i < 4_000; i += BATCH) detector.classify(inputs.slice(i, i + BATCH)); // warm-up
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (let i = 0; i < N; i += BATCH) detector.classify(inputs.slice(i, i + BATCH));
    best = Math.min(best, performance.now() - start);
  }
  return (N / best) * 1000;
}

const withLang = run(true);
const withoutLang = run(false);
console.log(`detector ${detector.version}: model load ${loadMs.toFixed(0)} ms (wasm backend init + weights decode)`);
console.log(`classify, lang given:   ${Math.round(withLang).toLocaleString('en')} posts/s (${(1e6 / withLang).toFixed(1)} µs/post, batches of ${BATCH}, ${N} posts, avg ${avgChars} chars)`);
console.log(`classify, lang = null:  ${Math.round(withoutLang).toLocaleString('en')} posts/s (${(1e6 / withoutLang).toFixed(1)} µs/post)`);
console.log(`target ≥ 20,000 posts/s: ${withLang >= 20_000 ? 'met' : 'NOT met'} with lang given, ${withoutLang >= 20_000 ? 'met' : 'NOT met'} without`);

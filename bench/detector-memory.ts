/**
 * Memory of the detector in a bare process: RSS, heap and peak RSS (VmHWM) after importing it,
 * loading the model and classifying a batch — what the detector adds to a classify worker, whose
 * budget is 400 MB (issue #7). Run: npx tsx bench/detector-memory.ts
 *
 * Node's own baseline (~75 MB RSS) is printed first. The detector is imported dynamically so the
 * first line is taken before any of it is loaded.
 */
import { peakRssMb } from './proc-stats.ts';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
function peakRss(): string {
  const peak = peakRssMb(process.pid);
  return peak === undefined ? 'n/a' : `${peak.toFixed(0)} MB`;
}
function show(stage: string): void {
  const m = process.memoryUsage();
  console.log(
    `${stage.padEnd(22)} rss ${mb(m.rss).padStart(6)}  heap used ${mb(m.heapUsed).padStart(6)}  external ${mb(m.external).padStart(5)}  peak rss ${peakRss()}`,
  );
}

show('node alone');
const { loadDetector } = await import('../detector/index.ts');
const { readSplit } = await import('../detector/model/corpus.ts');
show('detector imported');
const detector = await loadDetector();
show('model loaded');
const posts = readSplit('test').slice(0, 500);
for (const withLang of [true, false])
  detector.classify(posts.map((p, i) => ({ id: String(i), text: p.text, lang: withLang ? p.lang : null })));
show('500 posts classified');

/**
 * (d) Classify-only throughput: the detector alone, as `npm run bench:classify` measures it
 * (bench/classify.ts, owned with the detector), run as its own process so its figure and peak
 * RSS are its own. Reported: posts/s with the caller's language given, and without.
 */
import { spawnNode } from './bench-env.ts';

export interface ClassifyRateResult {
  postsPerSec: number;
  postsPerSecNoLang: number;
  rssMb: number | undefined;
  output: string;
}

const rate = (out: string, label: RegExp) => {
  const m = label.exec(out);
  if (!m) throw new Error(`bench/classify.ts printed no ${label.source} figure:\n${out}`);
  return Number(m[1]!.replace(/,/g, ''));
};

export async function measureClassifyRate(): Promise<ClassifyRateResult> {
  const proc = spawnNode('classify bench', ['--import', 'tsx', 'bench/classify.ts'], {});
  let out = '';
  proc.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  // Sampled while it runs: VmHWM is gone once the process has exited.
  const sampler = setInterval(() => proc.peakRssMb(), 200);
  const code = await new Promise<number | null>((resolve) => proc.child.on('exit', (c) => resolve(c)));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`bench/classify.ts exited with ${code}:\n${out}`);
  return {
    postsPerSec: rate(out, /lang given:\s+([\d,]+) posts\/s/),
    postsPerSecNoLang: rate(out, /lang = null:\s+([\d,]+) posts\/s/),
    rssMb: proc.peakRssMb(),
    output: out.trim(),
  };
}

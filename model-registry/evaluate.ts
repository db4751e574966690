/**
 * The figures a model version is judged by, on the test split and on the blind challenge set
 * (samples/blind/challenge.jsonl, never trained on): overall, per language, and on romanised and
 * obfuscated posts. Shared by `tidewatch eval`, `model eval`, `model train` and the promotion check.
 *
 * Each figure is one an operator acts on: adverts that reach a human at all (refer-or-review
 * recall), adverts referred without waiting for one, how clean referrals are, and how much of
 * reviewers' time and of platforms' trust hard negatives cost (sent to review, referred).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Detector } from '../detector/detector.ts';
import { readLabelled, readSplit, splitPath, type LabelledPost } from '../detector/model/corpus.ts';
import { sliceMetrics, type Scored } from '../detector/model/eval-metrics.ts';
import type { Decision } from '../detector/types.ts';

/** The frozen blind challenge set: read only to be scored, never printed post by post. */
export const CHALLENGE_SET = fileURLToPath(new URL('../samples/blind/challenge.jsonl', import.meta.url));

export interface ScoredPost extends Scored {
  lang: string;
  obfuscated: boolean;
  romanised: boolean;
  kind: string | null;
  ambiguous: boolean;
  decision: Decision;
}

export function scoreLabelled(detector: Detector, posts: readonly LabelledPost[]): ScoredPost[] {
  const out: ScoredPost[] = [];
  for (let i = 0; i < posts.length; i += 500) {
    const part = posts.slice(i, i + 500);
    const results = detector.classify(part.map((p, j) => ({ id: p.id ?? String(i + j), text: p.text, lang: p.lang })));
    results.forEach((r, j) => {
      const p = part[j]!;
      out.push({
        score: r.score,
        label: p.label,
        lang: p.lang ?? r.lang,
        obfuscated: p.obfuscated,
        romanised: p.romanised,
        kind: p.kind,
        ambiguous: p.ambiguous,
        decision: r.decision,
      });
    });
  }
  return out;
}

export interface KeyMetrics {
  posts: number;
  adverts: number;
  /** Adverts sent to refer or review: the share a human (or a platform) gets to see. */
  flagRecall: number;
  /** Adverts referred directly (refer recall). */
  advertsReferred: number;
  /** Precision among refer. */
  referPrecision: number;
  /** Non-adverts sent to review, and referred, as shares of the non-adverts. */
  negativesToReview: number;
  negativesReferred: number;
  prAuc: number;
}

export function keyMetrics(items: readonly ScoredPost[], t: Detector['thresholds']): KeyMetrics {
  const m = sliceMetrics(items, t);
  const negatives = m.n - m.adverts;
  const share = (k: number) => (negatives > 0 ? k / negatives : Number.NaN);
  return {
    posts: m.n,
    adverts: m.adverts,
    flagRecall: m.flagRecall,
    advertsReferred: m.referRecall,
    referPrecision: m.referPrecision,
    negativesToReview: share(m.confusion.review.not),
    negativesReferred: share(m.confusion.refer.not),
    prAuc: m.prAuc,
  };
}

/** Overall, each language (sorted), then the romanised and obfuscated posts where there are any. */
export function sliceKeyMetrics(items: readonly ScoredPost[], t: Detector['thresholds']): Record<string, KeyMetrics> {
  const out: Record<string, KeyMetrics> = { overall: keyMetrics(items, t) };
  for (const lang of [...new Set(items.map((i) => i.lang))].sort())
    out[lang] = keyMetrics(
      items.filter((i) => i.lang === lang),
      t,
    );
  const romanised = items.filter((i) => i.romanised);
  if (romanised.length) out.romanised = keyMetrics(romanised, t);
  const obfuscated = items.filter((i) => i.obfuscated);
  if (obfuscated.length) out.obfuscated = keyMetrics(obfuscated, t);
  return out;
}

export interface EvalSet {
  name: string;
  /** Where it was read from, and a fingerprint of its bytes (which file a stored figure is about). */
  source: string;
  sha256: string;
  posts: LabelledPost[];
}

/** Fingerprint of the posts as read (text, label, language), whichever files they came from. */
function fingerprint(posts: readonly LabelledPost[]): string {
  const h = createHash('sha256');
  for (const p of posts) h.update(JSON.stringify([p.text, p.label, p.lang])).update('\n');
  return h.digest('hex');
}

export function challengeSet(path = CHALLENGE_SET): EvalSet {
  if (!existsSync(path)) throw new Error(`challenge set ${path} not found (give another with --challenge FILE)`);
  const posts = readLabelled(path);
  return { name: 'challenge set', source: path, sha256: fingerprint(posts), posts };
}

export function testSplit(): EvalSet {
  const posts = readSplit('test');
  return { name: 'test split', source: splitPath('test'), sha256: fingerprint(posts), posts };
}

export interface SetResult {
  set: string;
  sha256: string;
  slices: Record<string, KeyMetrics>;
}

export function evaluateOn(detector: Detector, set: EvalSet): SetResult {
  return { set: set.name, sha256: set.sha256, slices: sliceKeyMetrics(scoreLabelled(detector, set.posts), detector.thresholds) };
}

const COLUMNS: { key: keyof KeyMetrics; head: string; pct: boolean }[] = [
  { key: 'flagRecall', head: 'ref|rev rec', pct: true },
  { key: 'advertsReferred', head: 'ads referred', pct: true },
  { key: 'referPrecision', head: 'refer prec', pct: true },
  { key: 'negativesToReview', head: 'neg→review', pct: true },
  { key: 'negativesReferred', head: 'neg→refer', pct: true },
  { key: 'prAuc', head: 'PR-AUC', pct: false },
];

const cell = (x: number, pct: boolean) => (Number.isFinite(x) ? (pct ? `${(100 * x).toFixed(1)}%` : x.toFixed(4)) : 'n/a').padStart(13);

/**
 * One table per evaluation set: a row per slice and model (one model, or candidate and live side
 * by side), percentages of adverts (recall, referred) or of non-adverts (neg→).
 */
export function metricsTable(setName: string, models: readonly { label: string; result: SetResult }[]): string {
  const first = models[0]!.result.slices;
  const width = Math.max(...models.map((m) => m.label.length), 5) + 2;
  const lines = [
    `${setName}: ${first.overall!.posts} posts, ${first.overall!.adverts} adverts`,
    `${'slice'.padEnd(12)}${'model'.padEnd(width)}${'posts'.padStart(6)}${'ads'.padStart(5)}${COLUMNS.map((c) => c.head.padStart(13)).join('')}`,
  ];
  for (const slice of Object.keys(first)) {
    models.forEach((m, i) => {
      const k = m.result.slices[slice];
      const head = `${(i === 0 ? slice : '').padEnd(12)}${m.label.padEnd(width)}`;
      if (!k) return lines.push(`${head}(no posts)`);
      lines.push(
        `${head}${String(k.posts).padStart(6)}${String(k.adverts).padStart(5)}${COLUMNS.map((c) => cell(k[c.key], c.pct)).join('')}`,
      );
    });
  }
  return lines.join('\n') + '\n';
}

/**
 * Evaluation maths shared by `train` (validation metrics stored in meta.json), `eval` and tests.
 *
 * Reported at the detector's own decisions (refer / refer-or-review) rather than at 0.5: what
 * matters operationally is how clean referrals are and how many adverts reach a human at all.
 */
import type { Decision, Thresholds } from '../types.ts';

export interface Scored {
  score: number;
  label: 0 | 1;
}

export interface PrPoint {
  threshold: number;
  precision: number;
  recall: number;
}

/** Precision and recall at every distinct score, highest threshold first. */
export function prCurve(items: readonly Scored[]): PrPoint[] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const positives = sorted.filter((s) => s.label === 1).length;
  const out: PrPoint[] = [];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.label === 1) tp++;
    else fp++;
    if (i + 1 < sorted.length && sorted[i + 1]!.score === sorted[i]!.score) continue;
    out.push({ threshold: sorted[i]!.score, precision: tp / (tp + fp), recall: positives ? tp / positives : 0 });
  }
  return out;
}

/** PR-AUC as average precision (step-wise, no interpolation). */
export function averagePrecision(items: readonly Scored[]): number {
  let prevRecall = 0;
  let ap = 0;
  for (const p of prCurve(items)) {
    ap += (p.recall - prevRecall) * p.precision;
    prevRecall = p.recall;
  }
  return ap;
}

export function decide(score: number, t: Thresholds): Decision {
  return score >= t.refer ? 'refer' : score >= t.review ? 'review' : 'dismiss';
}

export interface SliceMetrics {
  n: number;
  adverts: number;
  /** Precision / recall / F1 of "refer". */
  referPrecision: number;
  referRecall: number;
  referF1: number;
  /** Precision / recall / F1 of "refer or review" (flagged for a human at all). */
  flagPrecision: number;
  flagRecall: number;
  flagF1: number;
  prAuc: number;
  /** confusion[decision][advert|not]. */
  confusion: Record<Decision, { advert: number; not: number }>;
}

const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);

export function sliceMetrics(items: readonly Scored[], t: Thresholds): SliceMetrics {
  const confusion: SliceMetrics['confusion'] = {
    refer: { advert: 0, not: 0 },
    review: { advert: 0, not: 0 },
    dismiss: { advert: 0, not: 0 },
  };
  for (const s of items) confusion[decide(s.score, t)][s.label === 1 ? 'advert' : 'not']++;
  const adverts = items.filter((s) => s.label === 1).length;
  const c = confusion;
  const referPrecision = ratio(c.refer.advert, c.refer.advert + c.refer.not);
  const referRecall = ratio(c.refer.advert, adverts);
  const flagged = c.refer.advert + c.refer.not + c.review.advert + c.review.not;
  const flagPrecision = ratio(c.refer.advert + c.review.advert, flagged);
  const flagRecall = ratio(c.refer.advert + c.review.advert, adverts);
  return {
    n: items.length,
    adverts,
    referPrecision,
    referRecall,
    referF1: f1(referPrecision, referRecall),
    flagPrecision,
    flagRecall,
    flagF1: f1(flagPrecision, flagRecall),
    prAuc: adverts > 0 ? averagePrecision(items) : Number.NaN,
    confusion,
  };
}

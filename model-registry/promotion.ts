/**
 * The check before a candidate goes live: on the challenge set, it may not be worse than the live
 * model by more than the margin (MODEL_PROMOTE_MARGIN, absolute) in refer-or-review recall,
 * precision among refer, or the share of non-adverts referred. These three are the ones whose
 * loss hurts someone: adverts nobody sees, and notices sent to platforms about lawful posts.
 */
import type { KeyMetrics } from './evaluate.ts';

const CHECKED: { key: keyof KeyMetrics; name: string; higherIsBetter: boolean }[] = [
  { key: 'flagRecall', name: 'refer-or-review recall', higherIsBetter: true },
  { key: 'referPrecision', name: 'precision among refer', higherIsBetter: true },
  { key: 'negativesReferred', name: 'negatives referred', higherIsBetter: false },
];

export interface PromotionCheck {
  margin: number;
  /** One sentence per metric the candidate fails, naming it and both values. */
  failures: string[];
  /** Metrics that could not be compared (e.g. a model that refers nothing has no precision). */
  notCompared: string[];
  candidate: Record<string, number>;
  live: Record<string, number>;
}

const fmt = (x: number) => x.toFixed(4);

export function checkPromotion(candidate: KeyMetrics, live: KeyMetrics, margin: number): PromotionCheck {
  const out: PromotionCheck = { margin, failures: [], notCompared: [], candidate: {}, live: {} };
  for (const { key, name, higherIsBetter } of CHECKED) {
    const c = candidate[key];
    const l = live[key];
    out.candidate[key] = c;
    out.live[key] = l;
    if (!Number.isFinite(c) || !Number.isFinite(l)) {
      out.notCompared.push(`${name} (candidate ${Number.isFinite(c) ? fmt(c) : 'n/a'}, live ${Number.isFinite(l) ? fmt(l) : 'n/a'})`);
      continue;
    }
    const worseBy = higherIsBetter ? l - c : c - l;
    // A hair of tolerance so that an exactly-at-margin difference passes despite float rounding.
    if (worseBy > margin + 1e-12) {
      out.failures.push(
        `${name} on the challenge set: candidate ${fmt(c)} vs live ${fmt(l)} (${higherIsBetter ? 'lower' : 'higher'} by ${fmt(worseBy)}, margin ${fmt(margin)})`,
      );
    }
  }
  return out;
}

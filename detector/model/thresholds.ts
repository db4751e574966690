/**
 * Chooses the refer and review thresholds from the validation split's scores.
 *
 * refer: the lowest threshold whose precision, and the precision of every higher threshold, is
 * at least the target plus a margin, then raised by a fixed logit margin: a referral goes to a
 * platform as a notice, so a wrong one costs credibility; the margins absorb the difference
 * between validation posts and new ones (a near-separable validation set would otherwise put
 * refer right at the edge of the negatives).
 * review: the highest threshold at which refer-or-review still catches the target share of
 * adverts overall, in every language and among obfuscated and among romanised posts (each with a
 * one-point margin), measured on the individually written validation adverts: a missed advert is
 * never seen by a human at all. (While validation held only composed posts, nearly separable, the
 * cut needed a wide extra logit margin; written validation posts are like new text, and the margin
 * only sent more hard negatives to review.) Review also
 * stays a minimum logit distance below refer: on a near-separable validation set the recall cut
 * alone would close the review band, and posts unlike the corpus land exactly there.
 */
import type { Thresholds } from '../types.ts';
import { prCurve } from './eval-metrics.ts';

export interface ThresholdItem {
  score: number;
  label: 0 | 1;
  lang: string;
  obfuscated: boolean;
  /** Romanised (fa, ar, ckb, ps in Latin letters): its own recall group, as language ID and lexicons see it least. */
  romanised?: boolean;
  /** Individually written (not composed from phrase pools): the review cut is taken on these when there are enough. */
  written?: boolean;
}

export interface ThresholdPolicy {
  referPrecision: number;
  referPrecisionMargin: number;
  /** Refer threshold is raised by this much in logit space above the lowest qualifying one. */
  referLogitMargin: number;
  reviewRecall: number;
  reviewRecallPerGroup: number;
  recallMargin: number;
  /** Review threshold is lowered by this much in logit space below the last required advert. */
  reviewLogitMargin: number;
  /** Review is at least this far below refer in logit space, so there is a band for humans. */
  reviewMinBandLogit: number;
  /** Take the review cut on written adverts alone when validation holds at least this many. */
  minWrittenAdverts: number;
}

export const DEFAULT_POLICY: ThresholdPolicy = {
  referPrecision: 0.97,
  referPrecisionMargin: 0.015,
  referLogitMargin: 1,
  reviewRecall: 0.95,
  reviewRecallPerGroup: 0.9,
  recallMargin: 0.01,
  reviewLogitMargin: 0,
  reviewMinBandLogit: 1.5,
  minWrittenAdverts: 200,
};

const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Highest score s such that the share of `scores` >= s is at least `recall`. */
function thresholdForRecall(scores: number[], recall: number): number {
  if (scores.length === 0) return 1;
  const sorted = [...scores].sort((a, b) => b - a);
  const need = Math.min(sorted.length, Math.ceil(recall * sorted.length - 1e-9));
  return sorted[Math.max(0, need - 1)]!;
}

export function chooseThresholds(items: readonly ThresholdItem[], policy: ThresholdPolicy = DEFAULT_POLICY): Thresholds {
  const target = Math.min(0.999, policy.referPrecision + policy.referPrecisionMargin);
  const curve = prCurve(items); // highest threshold first
  let refer = 1;
  for (const p of curve) {
    if (p.precision < target) break;
    refer = p.threshold;
  }
  if (refer < 1) refer = sigmoid(logit(Math.min(Math.max(refer, 1e-6), 1 - 1e-6)) + policy.referLogitMargin);

  // Composed adverts are nearly all caught; a cut over them too would set review by the easy cases.
  const written = items.filter((i) => i.label === 1 && i.written);
  const adverts = written.length >= policy.minWrittenAdverts ? written : items.filter((i) => i.label === 1);
  const cut = (list: readonly ThresholdItem[], r: number) =>
    thresholdForRecall(
      list.map((i) => i.score),
      Math.min(1, r + policy.recallMargin),
    );
  let review = cut(adverts, policy.reviewRecall);
  const groups = new Map<string, ThresholdItem[]>();
  for (const a of adverts) {
    groups.set(`lang:${a.lang}`, [...(groups.get(`lang:${a.lang}`) ?? []), a]);
    if (a.obfuscated) groups.set('obfuscated', [...(groups.get('obfuscated') ?? []), a]);
    if (a.romanised) groups.set('romanised', [...(groups.get('romanised') ?? []), a]);
  }
  for (const list of groups.values()) review = Math.min(review, cut(list, policy.reviewRecallPerGroup));
  const clamp = Math.min(Math.max(review, 1e-6), 1 - 1e-6);
  review = sigmoid(logit(clamp) - policy.reviewLogitMargin);
  const band = refer < 1 ? sigmoid(logit(Math.max(refer, 1e-6)) - policy.reviewMinBandLogit) : review;
  return { refer, review: Math.min(review, band, refer) };
}

/**
 * The short-post evidence rule's bounds for given thresholds: the cap a quarter logit below
 * refer, the floor a quarter logit above review (both stay inside the review band). Capping only
 * moves posts out of refer and flooring only moves them into review, so the thresholds chosen
 * before the rule keep their precision and recall guarantees.
 */
export function evidenceBounds(t: Thresholds): { shortWeakCap: number; shortWeakFloor: number } {
  const c = (p: number) => Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  const cap = sigmoid(logit(c(t.refer)) - 0.25);
  const floor = Math.min(cap, sigmoid(logit(c(t.review)) + 0.25));
  return { shortWeakCap: cap, shortWeakFloor: floor };
}

/**
 * Routing: where a classified post goes. Pure functions, so the rule is testable without queues.
 */
import type { Thresholds } from '../detector/types.ts';
import type { PostOutcome } from '../generated/prisma/enums.ts';

export type RoutedOutcome = Extract<PostOutcome, 'dismissed' | 'review' | 'referral_candidate'>;

/** score ≥ refer → referral candidate (reviewed first, queued on `refer`); ≥ review → review; else dismissed. */
export function routeByScore(score: number, t: Thresholds): RoutedOutcome {
  if (score >= t.refer) return 'referral_candidate';
  if (score >= t.review) return 'review';
  return 'dismissed';
}

/**
 * Review priority: the score decayed by the post's age with the given half-life, stored in log
 * space as log2(score) + t/halfLife. Comparing two such keys is the same as comparing
 * score·2^(−age/halfLife) at any common "now", so the key is computed once and never goes stale.
 */
export function reviewPriority(score: number, postedAt: Date, halfLifeHours: number): number {
  const hours = postedAt.getTime() / 3_600_000;
  return Math.log2(Math.max(score, 1e-6)) + hours / halfLifeHours;
}

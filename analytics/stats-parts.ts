/**
 * What the figures of `computeStats` (stats.ts) are assembled from, computed either from the
 * records (stats.ts) or from the rollups (rollup/read.ts).
 */
import type { DecisionAction } from '../generated/prisma/enums.ts';
import type { Stage } from './facts.ts';

/** One figure of one stage, in total or for one bucket, platform, language, category or removal-time bin. */
export interface GroupedRow {
  stage: Stage;
  dim: 'total' | 'bucket' | 'platform' | 'language' | 'category' | 'bin';
  key: string | null;
  posts: number;
  accounts: number;
  pages: number;
  median_hours: number | null;
  p90_hours: number | null;
}

export type Candidates = { candidates: number; confirmed: number; rejected: number };

/** A reviewer's decisions in the range, by action. */
export type ReviewerCounts = {
  /** API key id (the actor in the audit trail). */
  reviewer: string;
  name: string | null;
  decisions: number;
} & Record<DecisionAction, number>;

/** What the figures are assembled from: the rollups give the same as the raw SQL (analytics/rollup/). */
export interface StatsParts {
  rows: GroupedRow[];
  candidates: Candidates;
  reviewers: ReviewerCounts[];
}

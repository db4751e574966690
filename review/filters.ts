/**
 * Queue filters as SQL, shared by the listing and its counts (review/review-list.ts)
 * and by "claim next" (review/claims.ts), so all of them select exactly the same items.
 */
import { join, sql, type Sql } from '../core/db/index.ts';
import { ReviewStatus } from '../generated/prisma/enums.ts';

/** Every review status, in the schema's order (the API documents them in this order). */
export const REVIEW_STATUSES = Object.freeze(Object.values(ReviewStatus));
/** Statuses in which an item still waits for someone; the others are final until reversed. */
export const PENDING_STATUSES = ['open', 'escalated', 'needs_translation'] as const satisfies readonly ReviewStatus[];
export const SORTS = ['priority', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export interface QueueFilters {
  status?: ReviewStatus | undefined;
  language?: string | undefined;
  /** Platform id (callers resolve names). */
  platformId?: number | undefined;
  category?: string | undefined;
  minScore?: number | undefined;
  maxScore?: number | undefined;
  referralCandidate?: boolean | undefined;
}

/** The filters as SQL conditions over "ReviewItem" (status included when given). */
export function filterSql(f: QueueFilters): Sql {
  const parts: Sql[] = [sql`TRUE`];
  if (f.status) parts.push(sql`status = ${f.status}::"ReviewStatus"`);
  if (f.language) parts.push(sql`language = ${f.language}`);
  if (f.platformId !== undefined) parts.push(sql`"platformId" = ${f.platformId}`);
  if (f.category) parts.push(sql`category = ${f.category}`);
  if (f.referralCandidate !== undefined) parts.push(sql`"referralCandidate" = ${f.referralCandidate}`);
  if (f.minScore !== undefined) parts.push(sql`score >= ${f.minScore}`);
  if (f.maxScore !== undefined) parts.push(sql`score <= ${f.maxScore}`);
  return join(parts, ' AND ');
}

/**
 * Whether the listing's best plan is the same whatever the filter values, so PostgreSQL may plan
 * it once and reuse the plan (review/sql.ts): by priority with at most one equality filter,
 * each of which has its (status, filter, priority) index, or oldest first with none, on
 * (status, createdAt). A score range, or two equality filters, or oldest first with one, leaves
 * the choice of index to how common the values are: a plan reused for `minScore=0.999` or a rare
 * language sorted by age took ~20–30 ms where a plan made for those values took 1–6 ms.
 */
export function planFitsAnyValues(f: QueueFilters, sort: Sort): boolean {
  if (f.minScore !== undefined || f.maxScore !== undefined) return false;
  const equalities = [f.language, f.platformId, f.category, f.referralCandidate].filter((v) => v !== undefined).length;
  return equalities <= (sort === 'priority' ? 1 : 0);
}
